/**
 * What a person does to one task: `POST /api/v1/tasks/{id}/cancel` (a queued or running task
 * ends canceled, uncharged; tasks/cancel-task.ts), and `POST …/hide` / `POST …/unhide` (a
 * finished task leaves the gallery, and comes back on undo). Hidden, not deleted: its ledger
 * entries, history and media stay, support still finds it, and an undo needs no timer that a
 * closed tab or a restart could lose.
 */
import { Hono } from 'hono';
import { taskCancelRequestSchema, type TaskCanceled, type TaskHidden } from '@/shared/contract';
import { isFinalStatus } from '@/shared/status';
import { HttpError } from '@/server/http/http-error';
import { requestOrigin } from '@/server/http/request-origin';
import { optionalJson } from '@/server/http/require-json';
import { validate } from '@/server/http/validate';
import type { Services } from '@/server/services';
import { cancelTask } from '@/server/tasks/cancel-task';
import { findTask } from '@/server/tasks/find-task';
import { toTaskJson } from '@/server/tasks/task-json';

export function taskActionRoutes(services: Services) {
  const { store, engine, config } = services;

  async function setHidden(id: string, hidden: boolean): Promise<TaskHidden> {
    const task = await findTask(store.tasks, id);
    if (!isFinalStatus(task.status)) {
      throw new HttpError(
        409,
        'task_unfinished',
        `This task is still ${task.status}: only a finished task can be hidden. Cancel it first.`,
        { status: task.status },
      );
    }
    await store.tasks.setHidden(task.id, hidden ? Date.now() : null);
    const hiddenAt = (await store.tasks.get(task.id))!.hiddenAt;
    return { task_id: task.id, hidden_at: hiddenAt === null ? null : new Date(hiddenAt).toISOString() };
  }

  return new Hono()
    .post('/:id/cancel', optionalJson, validate('json', taskCancelRequestSchema), async (c) => {
      const task = await findTask(store.tasks, c.req.param('id'));
      const { reason } = c.req.valid('json');
      const result = await cancelTask(services, task, reason || undefined);
      const origin = requestOrigin(c, config.publicBaseUrl);
      return c.json({
        task: toTaskJson(result.task, origin, engine.typicalDurationMs),
        engine_may_continue: result.engineMayContinue,
        message: result.message,
      } satisfies TaskCanceled);
    })
    .post('/:id/hide', async (c) => c.json(await setHidden(c.req.param('id'), true)))
    .post('/:id/unhide', async (c) => c.json(await setHidden(c.req.param('id'), false)));
}
