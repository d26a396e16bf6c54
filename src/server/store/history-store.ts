/** A task's story for support: status transitions and every exchange with the upstream. */
import type { TaskEvent, UpstreamExchange } from '@/shared/contract';
import type { TaskStatus } from '@/shared/status';

export interface NewTaskEvent {
  at: number;
  status: TaskStatus;
  progress: number | null;
  source: TaskEvent['source'];
  message: string | null;
}

export interface TaskEventRecord extends NewTaskEvent {
  taskId: string;
}

export interface NewExchange {
  taskId: string;
  at: number;
  operation: UpstreamExchange['operation'];
  httpStatus: number | null;
  /** Already redacted; stored as JSON. */
  body: unknown;
  error: string | null;
}

export interface HistoryStore {
  addEvent(taskId: string, event: NewTaskEvent): Promise<void>;
  events(taskId: string): Promise<TaskEventRecord[]>;
  addExchange(exchange: NewExchange): Promise<void>;
  exchanges(taskId: string): Promise<NewExchange[]>;
}
