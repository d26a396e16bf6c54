/**
 * A fake API in One that speaks real HTTP on 127.0.0.1 (port 0), for tests: each route answers
 * from a script (JSON in any shape, slow answers, dropped connections, garbage, raw bytes) and
 * every request it received is recorded, so tests can count retries and check headers.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type FakeReply =
  | {
      status?: number;
      headers?: Record<string, string>;
      /** Sent as JSON (`body` wins when both are given). */
      json?: unknown;
      body?: string | Buffer;
      /** Wait this long before answering (to go past the client's deadline). */
      delayMs?: number;
      /** Send the headers and this many bytes of the body, then destroy the socket. */
      dropAfterBytes?: number;
      /** Send the headers and this many bytes of the body, then go silent (until the client gives up). */
      stallAfterBytes?: number;
    }
  /** Destroy the socket without answering at all. */
  | { drop: true }
  | ((request: FakeRequest) => FakeReply);

interface Route {
  method: string;
  path: string | RegExp;
  replies: FakeReply[];
  served: number;
}

export class FakeUpstream {
  readonly requests: FakeRequest[] = [];
  private readonly routes: Route[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<FakeUpstream> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeUpstream(server, `http://127.0.0.1:${port}`);
    server.on('connection', (socket) => {
      fake.sockets.add(socket);
      socket.on('close', () => fake.sockets.delete(socket));
    });
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request: FakeRequest = {
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        fake.requests.push(request);
        void fake.answer(request, res);
      });
    });
    return fake;
  }

  /** Scripts a route: each request takes the next reply, and the last one repeats. */
  on(method: string, path: string | RegExp, ...replies: FakeReply[]): this {
    this.routes.unshift({ method, path, replies, served: 0 });
    return this;
  }

  requestsTo(method: string, path: string | RegExp): FakeRequest[] {
    return this.requests.filter((request) => request.method === method && matches(path, request.path));
  }

  reset(): void {
    this.requests.length = 0;
    this.routes.length = 0;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(request: FakeRequest, res: ServerResponse): Promise<void> {
    const route = this.routes.find((r) => r.method === request.method && matches(r.path, request.path));
    if (!route || route.replies.length === 0) {
      send(res, { status: 404, json: { error: `fake upstream has no script for ${request.method} ${request.path}` } });
      return;
    }
    let reply = route.replies[Math.min(route.served, route.replies.length - 1)] as FakeReply;
    route.served += 1;
    while (typeof reply === 'function') reply = reply(request);
    if ('drop' in reply) {
      res.socket?.destroy();
      return;
    }
    if (reply.delayMs) {
      await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      if (res.socket?.destroyed ?? true) return; // the client gave up waiting
    }
    send(res, reply);
  }
}

/* A string route names a path without its query; a RegExp sees the whole request target. */
function matches(path: string | RegExp, actual: string): boolean {
  return typeof path === 'string' ? path === actual.split('?')[0] : path.test(actual);
}

function send(
  res: ServerResponse,
  reply: Exclude<FakeReply, { drop: true } | ((request: FakeRequest) => FakeReply)>,
): void {
  const body =
    reply.body !== undefined
      ? Buffer.from(reply.body)
      : Buffer.from(reply.json === undefined ? '' : JSON.stringify(reply.json));
  const headers: Record<string, string> = {
    ...(reply.json !== undefined && reply.body === undefined ? { 'content-type': 'application/json' } : {}),
    ...reply.headers,
  };
  if (reply.dropAfterBytes !== undefined) {
    // Declare the full length, then cut the connection: the client sees a truncated answer.
    res.writeHead(reply.status ?? 200, { ...headers, 'content-length': String(body.length) });
    res.write(body.subarray(0, reply.dropAfterBytes), () => setTimeout(() => res.socket?.destroy(), 10));
    return;
  }
  if (reply.stallAfterBytes !== undefined) {
    res.writeHead(reply.status ?? 200, { ...headers, 'content-length': String(body.length) });
    res.write(body.subarray(0, reply.stallAfterBytes));
    return;
  }
  res.writeHead(reply.status ?? 200, headers);
  res.end(body);
}
