/**
 * The real server as its own process (`src/server/main.ts`, as `npm start` runs it) on a fixed
 * port and DATA_DIR, so it can be killed with SIGKILL at any moment and started again on the same
 * data, the way a crash and a restart happen in production.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, waitForHttp } from '../../../../bench/lib/server-process';

export class KillableServer {
  private child: ChildProcess | null = null;
  private started = false;

  private constructor(
    private port: number,
    private readonly env: Record<string, string>,
  ) {}

  static async create(dataDir: string, env: Record<string, string>): Promise<KillableServer> {
    return new KillableServer(await freePort(), { LOG_LEVEL: 'error', ...env, DATA_DIR: dataDir, HOST: '127.0.0.1' });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * Starts `src/server/main.ts` as `npm start` would and waits for its health check. The port stays
   * the same across restarts (stored upload links name it); only a first start that could not bind
   * it (another process took it meanwhile) moves to a new one.
   */
  async start(): Promise<void> {
    if (this.child) throw new Error('already running');
    for (let attempt = 0; ; attempt++) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        env: { ...process.env, APIINONE_API_KEY: '', ...this.env, PORT: String(this.port) },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const exited = new Promise<'exited'>((resolve) => child.once('exit', () => resolve('exited')));
      const answered = waitForHttp(`${this.url}/api/health`).then(
        () => 'up' as const,
        () => 'silent' as const,
      );
      const outcome = await Promise.race([answered, exited]);
      if (outcome === 'up') {
        this.child = child;
        this.started = true;
        return;
      }
      child.kill('SIGKILL');
      if (outcome === 'silent' || this.started || attempt >= 2) {
        throw new Error(`the server on ${this.url} ${outcome === 'silent' ? 'never answered' : 'exited at start'}`);
      }
      this.port = await freePort();
    }
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
