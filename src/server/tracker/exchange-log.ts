/** Records every exchange with the engine for support, with secrets removed whatever the source. */
import type { UpstreamExchange } from '@/shared/contract';
import type { HistoryStore } from '@/server/store/history-store';
import { rawForSupport, redactText } from '@/server/net/redact-secrets';

export class ExchangeLog {
  constructor(
    private readonly history: HistoryStore,
    private readonly secrets: readonly string[],
  ) {}

  async record(
    taskId: string,
    operation: UpstreamExchange['operation'],
    entry: { httpStatus?: number | null; body?: unknown; error?: string | null },
  ): Promise<void> {
    await this.history.addExchange({
      taskId,
      at: Date.now(),
      operation,
      httpStatus: entry.httpStatus ?? null,
      body: rawForSupport(entry.body ?? null, this.secrets),
      error: entry.error ? redactText(entry.error, this.secrets) : null,
    });
  }
}
