/**
 * Runs the app on a Node HTTP server, as @hono/node-server's `serve()` does, but with every
 * refusal that happens before the app in our JSON shape: a request Node cannot parse
 * (client-errors.ts), and one it parsed that is no valid URL (a `Host: a b` header), which
 * `serve()` would answer with a bare 400.
 */
import { getRequestListener, RequestError } from '@hono/node-server';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorBody } from './http-error';
import { answerClientErrorsInJson } from './client-errors';

export interface ServeOptions {
  fetch: (request: Request) => Response | Promise<Response>;
  port: number;
  hostname: string;
}

function refusal(error: unknown): Response {
  const headers = { 'X-Content-Type-Options': 'nosniff' };
  if (error instanceof RequestError) {
    const body = errorBody('validation_failed', 'The request could not be read: check its Host header and path.');
    return Response.json(body, { status: 400, headers });
  }
  const body = errorBody('internal_error', 'Something went wrong on our side. Try again in a moment.');
  return Response.json(body, { status: 500, headers });
}

export function serveApp(options: ServeOptions, onListening?: (info: AddressInfo) => void): Server {
  const server = createServer(getRequestListener(options.fetch, { hostname: options.hostname, errorHandler: refusal }));
  answerClientErrorsInJson(server);
  server.listen(options.port, options.hostname, () => onListening?.(server.address() as AddressInfo));
  return server;
}
