/** The rows of a task's story (the same columns in SQLite and PostgreSQL) and their mapping. */
import type { NewExchange, NewTaskEvent } from './history-store';

export function eventRow(taskId: string, event: NewTaskEvent) {
  const { at, status, progress, source, message } = event;
  return { task_id: taskId, at, status, progress, source, message };
}

/** The body as JSON text (SQLite keeps it as text, PostgreSQL in a `json` column). */
export function exchangeRow(exchange: NewExchange) {
  const body = exchange.body === undefined ? null : JSON.stringify(exchange.body);
  return {
    task_id: exchange.taskId,
    at: exchange.at,
    operation: exchange.operation,
    http_status: exchange.httpStatus,
    body,
    error: exchange.error,
  };
}

export interface ExchangeRow<Body> {
  task_id: string;
  at: number;
  operation: NewExchange['operation'];
  http_status: number | null;
  body: Body;
  error: string | null;
}

export function toExchange<Body>(row: ExchangeRow<Body>, readBody: (body: Body) => unknown): NewExchange {
  return {
    taskId: row.task_id,
    at: row.at,
    operation: row.operation,
    httpStatus: row.http_status,
    body: readBody(row.body),
    error: row.error,
  };
}

export const EXCHANGE_COLUMNS = 'task_id, at, operation, http_status, body, error';
export const EVENT_COLUMNS = 'task_id, at, status, progress, source, message';
