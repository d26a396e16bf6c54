/** The whole server in API in One mode (in this process, real sockets), aimed at a fake upstream with short deadlines. */
import { startTestServer, type TestServer } from '../../test-support/test-server';
import { CANARY_KEY } from '../../upstream/test-client';
import type { JobKeepingUpstream } from './job-keeping-upstream';

export function startApiInOneServer(
  upstream: JobKeepingUpstream,
  env: Record<string, string> = {},
  dataDir?: string,
): Promise<TestServer> {
  return startTestServer(
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

/** A body the upstream scripts pick up by its prompt. */
export function bodyFor(prompt: string) {
  return { model: 'hailuo-2-3', prompt, image: 'https://example.com/dog.jpg' } as const;
}
