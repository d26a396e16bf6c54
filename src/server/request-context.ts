/**
 * The request a piece of work is done for, carried along its async calls (AsyncLocalStorage),
 * so that every log line written while a request is answered names it — whoever writes it, the
 * route, the store or the error handler — and callers never pass it along.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
}

const current = new AsyncLocalStorage<RequestContext>();

export function runInRequest<T>(context: RequestContext, work: () => T): T {
  return current.run(context, work);
}

export function currentRequest(): RequestContext | undefined {
  return current.getStore();
}

/*
 * Work a request only starts, and that goes on for itself (the tracker's loop woken by a new
 * task): its lines are its own, not the request's.
 */
export function outsideRequest<T>(work: () => T): T {
  return current.exit(work);
}
