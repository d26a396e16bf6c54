/** `GET /api/v1/tasks`, `GET /api/v1/tasks/{id}` (our id or the upstream's) and its history. */
import { Hono } from 'hono';
import { taskListQuerySchema, type TaskHistory, type TaskList, type TaskListQuery } from '@/shared/contract';
import { ATTENTION_CODES } from '@/shared/errors';
import { DEFAULT_CATALOGUE, findModel } from '@/shared/pricing';
import { jsonWithEtag } from '@/server/http/etag';
import { requestOrigin } from '@/server/http/request-origin';
import { serverTiming, startTiming } from '@/server/http/server-timing';
import { validate } from '@/server/http/validate';
import type { Services } from '@/server/services';
import type { TaskListFilter } from '@/server/store/tasks-store';
import { findTask as findTaskIn } from '@/server/tasks/find-task';
import { toTaskJson } from '@/server/tasks/task-json';
import { TaskAnswers } from '@/server/tasks/task-answers';
import { decodeCursor, encodeCursor } from '@/server/tasks/task-cursor';

const iso = (ms: number) => new Date(ms).toISOString();

export function taskRoutes({ store, engine, config }: Services) {
  const answers = new TaskAnswers(engine.typicalDurationMs);

  const findTask = (id: string) => findTaskIn(store.tasks, id);

  return new Hono()
    .get('/', startTiming, validate('query', taskListQuerySchema), async (c) => {
      const query = c.req.valid('query');
      const filter = listFilter(query);
      const { statuses: _statuses, before: _before, ...countFilter } = filter;
      // Three queries at once: on PostgreSQL each has a connection of its own.
      const [rows, counts, attention] = await Promise.all([
        store.tasks.list({ ...filter, limit: query.limit + 1 }),
        store.tasks.countByStatus(countFilter),
        store.tasks.countByStatus({ ...countFilter, errorCodes: ATTENTION_CODES }),
      ]);
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      const origin = requestOrigin(c, config.publicBaseUrl);
      const now = Date.now();
      const body = JSON.stringify({
        items: page.map((task) => toTaskJson(task, origin, engine.typicalDurationMs, now)),
        next_cursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
        counts: counts.counts,
        // Such tasks all ended failed: the failed count among them is the whole count.
        needs_attention: attention.counts.failed,
        counts_capped: counts.capped || attention.capped,
      } satisfies TaskList);
      return c.body(body, 200, { 'Content-Type': 'application/json', 'Server-Timing': serverTiming(c) });
    })
    .get('/:id', async (c) => {
      const id = c.req.param('id');
      const origin = requestOrigin(c, config.publicBaseUrl);
      const { body, etag } = await answers.current(store.tasks, findTask, origin, id);
      return jsonWithEtag(c, body, etag);
    })
    .get('/:id/history', async (c) => {
      const task = await findTask(c.req.param('id'));
      const [events, exchanges, ledger] = await Promise.all([
        store.history.events(task.id),
        store.history.exchanges(task.id),
        store.ledger.entriesForTask(task.id),
      ]);
      return c.json({
        task_id: task.id,
        events: events.map((e) => ({
          at: iso(e.at),
          status: e.status,
          progress: e.progress,
          source: e.source,
          message: e.message,
        })),
        upstream: exchanges.map((x) => ({
          at: iso(x.at),
          operation: x.operation,
          http_status: x.httpStatus,
          body: x.body,
          error: x.error,
        })),
        ledger: ledger.map((entry) => ({ at: iso(entry.at), credits: entry.credits, reason: entry.reason })),
      } satisfies TaskHistory);
    });
}

function listFilter(query: TaskListQuery): Omit<TaskListFilter, 'limit'> {
  return {
    statuses: query.status,
    // A model filter by alias finds the tasks of the model it stands for.
    modelId: query.model ? (findModel(DEFAULT_CATALOGUE, query.model)?.id ?? query.model) : undefined,
    mode: query.mode,
    q: query.q?.trim() || undefined,
    fromMs: query.from ? Date.parse(query.from) : undefined,
    toMs: query.to ? Date.parse(query.to) : undefined,
    batchId: query.batch_id,
    ids: query.ids,
    hidden: query.hidden === '0' ? false : undefined,
    errorCodes: query.attention ? ATTENTION_CODES : undefined,
    before: query.cursor ? decodeCursor(query.cursor) : undefined,
  };
}
