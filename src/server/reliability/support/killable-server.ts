/**
 * The real server as its own process (`src/server/main.ts`, as `npm start` runs it) on a fixed
 * port and DATA_DIR, so it can be killed with SIGKILL at any moment and started again on the same
 * data, the way a crash and a restart happen in production.
 */
import type { ChildProcess } from 'node:child_process';
import { freePort, startServer } from '../../../../bench/lib/server-process';

export class KillableServer {
  private child: ChildProcess | null = null;
  /** How many times the server has been started. */
  starts = 0;

  private constructor(
    readonly url: string,
    private readonly env: Record<string, string>,
  ) {}

  static async create(dataDir: string, env: Record<string, string>): Promise<KillableServer> {
    const port = await freePort();
    return new KillableServer(`http://127.0.0.1:${port}`, {
      LOG_LEVEL: 'error',
      ...env,
      PORT: String(port),
      DATA_DIR: dataDir,
    });
  }

  async start(): Promise<void> {
    if (this.child) throw new Error('already running');
    this.child = (await startServer(this.env)).child;
    this.starts += 1;
  }

  /** SIGKILL: no shutdown code runs, whatever was in progress is cut where it stood. */
  kill(): Promise<number | null> {
    return this.signal('SIGKILL');
  }

  /** SIGTERM: the graceful stop; resolves with the exit code. */
  terminate(): Promise<number | null> {
    return this.signal('SIGTERM');
  }

  private async signal(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.child;
    if (!child) return null;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    return exited;
  }
}

/** Waits (bounded) until `check` holds, polling; fails saying what was awaited. */
export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
