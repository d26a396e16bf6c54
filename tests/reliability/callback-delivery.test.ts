/**
 * Our calls to users' `callback_url` never hold up the tracker: while callbacks hang on a
 * receiver that never answers, tasks with failing (500), healthy or no receivers end as fast
 * as tasks did before anything hung; a healthy receiver still gets its call promptly; a failing
 * one is retried with waits between attempts, each kept for support; and the server still
 * stops promptly while a receiver hangs.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskHistorySchema, type Task } from '@/shared/contract';
import { getJson, submit, waitForTask } from '../support/api-calls';
import type { TestServer } from '../support/test-server';
import { bodyFor, startApiInOneServer } from '../support/api-in-one-server';
import { expectBooksBalance } from '../support/expect-books-balance';
import { JobKeepingUpstream } from '../fakes/job-keeping-upstream';
import { waitUntil } from '../support/wait-until';
import { makeUpstreamClip } from '../fakes/upstream-clip';

/** A callback receiver on loopback that answers with `status`, or never (null), recording each call. */
class Receiver {
  readonly calls: { at: number; taskId: string }[] = [];
  /** Calls it is sitting on without an answer. */
  hanging = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
    status: number | null,
  ) {
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.on('request', (req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => {
        this.calls.push({ at: Date.now(), taskId: (JSON.parse(text) as Task).task_id });
        if (status !== null) return res.writeHead(status).end();
        this.hanging += 1;
        req.socket.once('close', () => (this.hanging -= 1));
      });
    });
  }

  static async start(status: number | null): Promise<Receiver> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new Receiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, status);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

interface Ended {
  task: Task;
  receiver: Receiver | null;
  tookMs: number;
}

let upstream: JobKeepingUpstream;
let server: TestServer;
let hanging: Receiver;
let failing: Receiver;
let healthy: Receiver;
let before: Ended[] = [];
let during: Ended[] = [];
let hangingAtEnd = 0;

async function runTasks(receivers: (Receiver | null)[], tag: string): Promise<Ended[]> {
  return Promise.all(
    receivers.map(async (receiver, i) => {
      const started = Date.now();
      const body = { ...bodyFor(upstream, `${tag} ${i}`), ...(receiver && { callback_url: receiver.url }) };
      const task = await waitForTask(server, (await submit(server, body)).task_id);
      return { task, receiver, tookMs: Date.now() - started };
    }),
  );
}

beforeAll(async () => {
  upstream = await JobKeepingUpstream.start(await makeUpstreamClip(os.tmpdir()));
  [hanging, failing, healthy] = await Promise.all([Receiver.start(null), Receiver.start(500), Receiver.start(200)]);
  server = await startApiInOneServer(upstream);
  // First, tasks whose callbacks will hang: how long a task takes when nothing hangs yet.
  before = await runTasks([hanging, hanging, hanging], 'before');
  await waitUntil('the callbacks to hang', () => hanging.hanging === 3, 3000);
  // Then, while those hang, tasks with every other kind of receiver.
  during = await runTasks([failing, failing, healthy, null], 'during');
  hangingAtEnd = hanging.hanging;
});
afterAll(async () => {
  await Promise.all([hanging, failing, healthy].map((r) => r?.close()));
  await server?.stop();
  await upstream?.close();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const finishedAt = (task: Task) => Date.parse(task.finished_at!);
const slowest = (ended: Ended[]) => Math.max(...ended.map((e) => e.tookMs));

describe('callbacks to users', () => {
  it('do not delay other tasks while they hang: those end as fast as before anything hung', () => {
    expect([...before, ...during].map((e) => e.task.status)).toEqual(Array(7).fill('succeeded'));
    expect(hangingAtEnd).toBe(3);
    // A tracker that waited on callbacks would add the 10 s receiver timeout; poll jitter and a busy machine add a few.
    expect(slowest(during)).toBeLessThan(slowest(before) + 4000);
  });

  it('reach a healthy receiver promptly while others hang', async () => {
    const task = during.find((e) => e.receiver === healthy)!.task;
    await waitUntil('the healthy callback', () => healthy.calls.length > 0, 3000);
    expect(healthy.calls).toEqual([{ at: expect.any(Number), taskId: task.task_id }]);
    expect(healthy.calls[0]!.at - finishedAt(task)).toBeLessThan(2000);
  });

  it('are retried with waits between attempts when the receiver answers 500, each attempt kept', async () => {
    await waitUntil('three attempts at each failing callback', () => failing.calls.length >= 6, 15_000);
    for (const { task } of during.filter((e) => e.receiver === failing)) {
      const times = failing.calls.filter((c) => c.taskId === task.task_id).map((c) => c.at);
      expect(times.slice(1).every((at, i) => at - times[i]! >= 100)).toBe(true);
      const history = await getJson(server, `/api/v1/tasks/${task.task_id}/history`, taskHistorySchema);
      const attempts = history.upstream.filter((x) => x.operation === 'callback');
      expect(attempts.length).toBeGreaterThanOrEqual(times.length - 1);
      expect(attempts[0]).toMatchObject({ http_status: 500, error: 'The callback URL answered HTTP 500.' });
    }
  }, 30_000);

  it('leave the books balanced', async () => {
    await expectBooksBalance(server, 0);
  });

  it('do not hold up a shutdown while a receiver hangs', async () => {
    expect(hanging.hanging).toBeGreaterThan(0);
    const started = Date.now();
    await server.stop();
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
