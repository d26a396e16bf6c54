/**
 * The real server as its own process (`src/server/main.ts`, as `npm start` runs it) on loopback:
 * for the benches, the browser tests, and the tests that kill it with SIGKILL at any moment and
 * start it again on the same port and DATA_DIR, the way a crash and a restart happen in production.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Api } from './api';
import { testDatabaseEnv } from './test-database';

const MAIN = 'src/server/main.ts';

/* Tests and benchmarks submit and upload far faster than a person; the rate-limit tests turn the limits back on. */
export const UNTHROTTLED = {
  RATE_LIMIT_SUBMITS_PER_MIN: '0',
  RATE_LIMIT_BATCHES_PER_MIN: '0',
  RATE_LIMIT_UPLOADS_PER_MIN: '0',
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export interface ServerProcessOptions {
  /** A fixed port (stored upload links name it); a free one when not given. */
  port?: number;
  /** 'stderr' (default): the server's warnings show among the test output; 'capture': all it prints is kept in `output`. */
  output?: 'stderr' | 'capture';
}

export class ServerProcess implements Api {
  /** Everything the server printed, with `output: 'capture'`. */
  output = '';
  private running: ChildProcess | null = null;
  private started = false;

  private constructor(
    private port: number,
    /** Whether the port was picked here, so that another may be picked when it was taken meanwhile. */
    private readonly portPicked: boolean,
    readonly dataDir: string,
    private readonly env: Record<string, string>,
    private readonly capture: boolean,
  ) {}

  /** A server on `dataDir` (and its database, test-database.ts), not started yet. */
  static async create(
    dataDir: string,
    env: Record<string, string> = {},
    options: ServerProcessOptions = {},
  ): Promise<ServerProcess> {
    const base = {
      APIINONE_API_KEY: '',
      LOG_LEVEL: 'warn',
      ...UNTHROTTLED,
      ...(await testDatabaseEnv(dataDir)),
      ...env,
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
    };
    const port = options.port ?? (await freePort());
    return new ServerProcess(port, options.port === undefined, dataDir, base, options.output === 'capture');
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  fetch(input: string, init?: RequestInit): Promise<Response> {
    return fetch(new URL(input, this.url), init);
  }

  get child(): ChildProcess {
    if (!this.running) throw new Error(`the server on ${this.url} is not running`);
    return this.running;
  }

  /**
   * Starts the server and waits for its health check. The port stays the same across restarts;
   * only a first start that could not bind a port picked here (another process took it meanwhile)
   * moves to a new one.
   */
  async start(): Promise<void> {
    if (this.running) throw new Error('already running');
    for (let attempt = 0; ; attempt++) {
      const child = this.spawnMain(this.capture);
      const exited = new Promise<'exited'>((resolve) => child.once('exit', () => resolve('exited')));
      const answered = waitForHttp(`${this.url}/api/health`).then(
        () => 'up' as const,
        () => 'silent' as const,
      );
      const outcome = await Promise.race([answered, exited]);
      if (outcome === 'up') {
        this.running = child;
        this.started = true;
        return;
      }
      child.kill('SIGKILL');
      if (outcome === 'silent' || this.started || !this.portPicked || attempt >= 2) {
        throw new Error(`the server on ${this.url} ${outcome === 'silent' ? 'never answered' : 'exited at start'}`);
      }
      this.port = await freePort();
    }
  }

  /**
   * Starts the server on its port once, expecting it to refuse to start (another server holds
   * its DATA_DIR): resolves with its exit code and all it printed. Fails when it is still running
   * after `timeoutMs`. Its health is not asked: the port may be another server's.
   */
  async startRefused(timeoutMs = 30_000): Promise<{ code: number | null; output: string }> {
    if (this.running) throw new Error('already running');
    const before = this.output.length;
    const child = this.spawnMain(true);
    const code = await new Promise<number | null | 'running'>((resolve) => {
      const timer = setTimeout(() => resolve('running'), timeoutMs);
      // 'close', not 'exit': all it printed has been read by then.
      child.once('close', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    if (code === 'running') {
      child.kill('SIGKILL');
      throw new Error(`the server on ${this.url} was still running after ${timeoutMs} ms; it should have refused`);
    }
    return { code, output: this.output.slice(before) };
  }

  /** SIGKILL: no shutdown code runs, whatever was in progress is cut where it stood. */
  kill(): Promise<number | null> {
    return this.signal('SIGKILL');
  }

  /** SIGTERM: the graceful stop; resolves with the exit code. */
  terminate(): Promise<number | null> {
    return this.signal('SIGTERM');
  }

  async stop(): Promise<void> {
    await this.terminate();
  }

  private spawnMain(capture: boolean): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: { ...process.env, ...this.env, PORT: String(this.port) },
      stdio: ['ignore', capture ? 'pipe' : 'ignore', capture ? 'pipe' : 'inherit'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    return child;
  }

  private async signal(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.running;
    if (!child) return null;
    this.running = null;
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    return exited;
  }
}

/** A started server; PORT and DATA_DIR in `env` pick its port and data (a temporary folder by default). */
export async function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  const { PORT, DATA_DIR, ...rest } = env;
  const dataDir = DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hailuo-bench-'));
  const server = await ServerProcess.create(dataDir, rest, PORT ? { port: Number(PORT) } : {});
  await server.start();
  return server;
}
