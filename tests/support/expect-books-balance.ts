/**
 * The check every reliability scenario ends with, read through the API as a client would: no task is
 * left queued or running, each succeeded task was charged its price exactly once and each other
 * one not at all (with a reason a person can read), and the balance is the start less the charges.
 */
import { expect } from 'vitest';
import { creditsSchema, taskHistorySchema, taskListSchema, type Task } from '@/shared/contract';
import { isFinalStatus } from '@/shared/status';
import type { Api } from './api';
import { getJson } from './api-calls';

export async function allTasks(api: Api): Promise<Task[]> {
  const tasks: Task[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const list = await getJson(api, `/api/v1/tasks?limit=100${query}`, taskListSchema);
    tasks.push(...list.items);
    cursor = list.next_cursor;
    if (!cursor) return tasks;
  }
  throw new Error('more than 50 pages of tasks');
}

export async function expectBooksBalance(api: Api, startingBalance: number): Promise<Task[]> {
  const tasks = await allTasks(api);
  expect(tasks.filter((t) => !isFinalStatus(t.status)).map((t) => `${t.task_id} ${t.status}`)).toEqual([]);
  let charged = 0;
  for (const task of tasks) {
    const { ledger } = await getJson(api, `/api/v1/tasks/${task.task_id}/history`, taskHistorySchema);
    const entries = ledger.map((e) => ({ credits: e.credits, reason: e.reason }));
    if (task.status === 'succeeded') {
      expect({ id: task.task_id, entries, charged: task.charged_credits }).toEqual({
        id: task.task_id,
        entries: [{ credits: -task.price_credits, reason: 'charge' }],
        charged: task.price_credits,
      });
      charged += task.price_credits;
    } else {
      expect({ id: task.task_id, entries, charged: task.charged_credits }).toEqual({
        id: task.task_id,
        entries: [],
        charged: 0,
      });
      expect(task.error?.message.length ?? 0, `${task.task_id} failed without a reason`).toBeGreaterThan(20);
    }
  }
  const credits = await getJson(api, '/api/v1/billing/credits', creditsSchema);
  expect({ balance: credits.balance, spent: credits.spent }).toEqual({
    balance: startingBalance - charged,
    spent: charged,
  });
  return tasks;
}
