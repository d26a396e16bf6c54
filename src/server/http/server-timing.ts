/**
 * `Server-Timing` for a route: the time spent inside this process from before the query is
 * validated to the serialized body — what browser devtools and `npm run bench -- gallery` read.
 */
import type { Context, MiddlewareHandler } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    timingStartedAt: number;
  }
}

/** Put first in a route's handlers, so validation counts too. */
export const startTiming: MiddlewareHandler = (c, next) => {
  c.set('timingStartedAt', performance.now());
  return next();
};

export function serverTiming(c: Context): string {
  return `app;dur=${(performance.now() - c.get('timingStartedAt')).toFixed(2)}`;
}
