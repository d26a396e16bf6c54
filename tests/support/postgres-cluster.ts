/**
 * A throwaway PostgreSQL cluster for tests: Debian's PostgreSQL 15 (`scripts/ensure-postgres.sh`
 * installs it) initialised in a temporary folder and started on a free loopback port, stopped and
 * removed by `stop()`. initdb refuses to run as root, so as root the cluster belongs to the
 * `postgres` user. A watchdog stops it too when the process that started it dies without
 * stopping it (a killed test run), so no postmaster outlives its tests.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './server-process';

/* Debian 12's PostgreSQL 15, or on a newer Debian the version it ships (scripts/ensure-postgres.sh installs it). */
export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? debianPostgresBin();

function debianPostgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)) : [];
  const version = versions.includes('15') ? '15' : (versions.sort((x, y) => Number(y) - Number(x))[0] ?? '15');
  return path.join(root, version, 'bin');
}

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:PORT/postgres`: the superuser, trusted on loopback. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;

/* As root, every cluster command runs as the `postgres` user (initdb and postgres refuse root). */
function run(command: string, args: string[]): string {
  const [file, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function postgresInstalled(): boolean {
  return fs.existsSync(path.join(POSTGRES_BIN, 'initdb')) && fs.existsSync(path.join(POSTGRES_BIN, 'pg_ctl'));
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  if (!postgresInstalled()) {
    throw new Error(`PostgreSQL is not installed (no initdb in ${POSTGRES_BIN}). Run: bash scripts/ensure-postgres.sh`);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hailuo-pg-'));
  const dataDir = path.join(root, 'data');
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    fs.chownSync(root, uid, gid);
  }
  const ctl = path.join(POSTGRES_BIN, 'pg_ctl');
  run(path.join(POSTGRES_BIN, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  const port = await freePort();
  // A test cluster: no fsync (nothing here must survive the machine crashing), room for many pools.
  const options = [
    `-k ${root}`,
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=400',
  ].join(' ');
  run(ctl, ['start', '-w', '-t', '60', '-D', dataDir, '-l', path.join(root, 'postgres.log'), '-o', options]);
  const watchdog = startWatchdog(ctl, dataDir, root);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      watchdog.kill('SIGKILL');
      try {
        run(ctl, ['stop', '-m', 'immediate', '-w', '-D', dataDir]);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

/* Waits for this process to end, then stops the cluster and removes its folder. */
function startWatchdog(ctl: string, dataDir: string, root: string) {
  const stop = isRoot()
    ? `runuser -u postgres -- "${ctl}" stop -m immediate -D "${dataDir}"`
    : `"${ctl}" stop -m immediate -D "${dataDir}"`;
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${stop} >/dev/null 2>&1; rm -rf "${root}"`;
  const child = spawn('bash', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
  return child;
}
