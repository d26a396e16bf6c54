/** The whole server in API in One mode, aimed at a fake upstream: in this process, or as its own process. */
import fs from 'node:fs';
import { JobKeepingUpstream } from '../fakes/job-keeping-upstream';
import { makeUpstreamClip } from '../fakes/upstream-clip';
import { ServerProcess } from './server-process';
import { CANARY_KEY } from './test-client';
import { makeDataDir, startTestApp, type TestServer } from './test-server';

/** In this process (app.request(); the fake upstream is real HTTP), with short deadlines. */
export function startApiInOneServer(
  upstream: JobKeepingUpstream,
  env: Record<string, string> = {},
  dataDir?: string,
): Promise<TestServer> {
  return startTestApp(
    {
      APIINONE_API_KEY: CANARY_KEY,
      APIINONE_BASE_URL: upstream.baseUrl,
      APIINONE_TIMEOUT_MS: '1000',
      APIINONE_DOWNLOAD_TIMEOUT_MS: '1500',
      ...env,
    },
    dataDir,
  );
}

/** A body the upstream scripts pick up by its prompt, with the upstream's photo as its image. */
export function bodyFor(upstream: Pick<JobKeepingUpstream, 'imageUrl'>, prompt: string) {
  return { model: 'hailuo-2-3', prompt, image: upstream.imageUrl } as const;
}

export interface ApiInOneProcess {
  dataDir: string;
  upstream: JobKeepingUpstream;
  server: ServerProcess;
}

/**
 * The server as its own process in API in One mode (not started yet), on a fresh DATA_DIR, aimed
 * at a job-keeping upstream whose call deadlines are `holdMs`: long enough that an answer held
 * back is still pending when the test kills or stops the process.
 */
export async function createApiInOneProcess(holdMs: number): Promise<ApiInOneProcess> {
  const dataDir = makeDataDir();
  const upstream = await JobKeepingUpstream.start(await makeUpstreamClip(dataDir));
  const server = await ServerProcess.create(dataDir, {
    LOG_LEVEL: 'error',
    APIINONE_API_KEY: CANARY_KEY,
    APIINONE_BASE_URL: upstream.baseUrl,
    APIINONE_TIMEOUT_MS: String(holdMs),
    APIINONE_DOWNLOAD_TIMEOUT_MS: String(holdMs),
    // The person's image is on the fake upstream, on loopback.
    UNSAFE_ALLOW_LOOPBACK_FETCH: '1',
  });
  return { dataDir, upstream, server };
}

/** Kills the process, closes the upstream, removes the data: whatever of it a failed start left. */
export async function removeApiInOneProcess({ dataDir, upstream, server }: Partial<ApiInOneProcess>): Promise<void> {
  await server?.kill();
  await upstream?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
