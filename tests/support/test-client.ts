/** For tests: an ApiInOneClient aimed at a fake upstream, with fast retries and a record of every wait. */
import { ApiInOneClient, type ApiInOneClientOptions } from '@/server/engine/api-in-one/api-in-one-client';

/* A key no real account has; tests assert it never shows up in an error or a kept raw answer. */
export const CANARY_KEY = 'aio_canary_9c1e5f27b04d4a8e_DO_NOT_LEAK';

export interface TestClient {
  client: ApiInOneClient;
  /** Every wait the client asked for between attempts, in milliseconds. */
  sleeps: number[];
}

export function makeTestClient(baseUrl: string, options: Partial<ApiInOneClientOptions> = {}): TestClient {
  const sleeps: number[] = [];
  const client = new ApiInOneClient({
    baseUrl,
    apiKey: CANARY_KEY,
    timeoutMs: 1_000,
    retryBaseMs: 5,
    // Waits are recorded, then slept for at most a few milliseconds so the suite stays fast.
    sleep: async (ms) => {
      sleeps.push(ms);
      await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 5)));
    },
    ...options,
  });
  return { client, sleeps };
}

/** Runs a call that must fail and returns what it threw. */
export async function failureOf(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
