/**
 * Who may use the server. Open on a loopback address (the seed's curl works as is); anywhere
 * else — or with AUTH=required — every API and media request needs a dashboard session or an
 * API key the server issued.
 */
import type { Config } from '@/server/config/config';
import type { AccessStore } from '@/server/store/access-store';
import { ApiKeys } from './api-keys';
import { DashboardPassword } from './dashboard-password';
import { keyedHash, sameDigest } from './keyed-hash';
import { Sessions } from './sessions';

export interface Access {
  mode: 'open' | 'required';
  keys: ApiKeys;
  sessions: Sessions;
  password: DashboardPassword | null;
  /**
   * A token for one stored file, so a fetcher without our credentials (API in One reading a
   * reference image) can get that file and nothing else.
   */
  mediaToken(relativePath: string): string;
  isMediaToken(relativePath: string, token: string): boolean;
  /** `url` with its file's media token when access is required (unchanged when open). */
  shareableUrl(url: string, relativePath: string): string;
}

const MEDIA_TOKEN_CHARS = 32;

/** Access over the stored keys and sessions; AUTH_PEPPER wins over the pepper the store keeps. */
export async function openAccess(config: Pick<Config, 'security'>, store: AccessStore): Promise<Access> {
  const pepper = Buffer.from(config.security.pepper ?? (await store.pepper()), 'utf8');
  const mediaToken = (relativePath: string) => keyedHash(pepper, 'media', relativePath).slice(0, MEDIA_TOKEN_CHARS);
  const password = config.security.dashboardPassword;
  return {
    mode: config.security.access,
    keys: new ApiKeys(store, pepper),
    sessions: new Sessions(store, pepper),
    password: password ? new DashboardPassword(password) : null,
    mediaToken,
    isMediaToken: (relativePath, token) =>
      /^[0-9a-f]+$/.test(token) && token.length === MEDIA_TOKEN_CHARS && sameDigest(token, mediaToken(relativePath)),
    shareableUrl: (url, relativePath) =>
      config.security.access === 'required' ? `${url}?t=${mediaToken(relativePath)}` : url,
  };
}

export class AccessNotConfiguredError extends Error {
  constructor(host: string) {
    super(
      `Refusing to start: HOST=${host} is reachable from other machines, and no one could sign in. ` +
        'Set DASHBOARD_PASSWORD (12+ characters) for the dashboard and/or create an API key with ' +
        '`npm run keys -- create <name>`; or listen on this machine only with HOST=127.0.0.1.',
    );
    this.name = 'AccessNotConfiguredError';
  }
}

/** Beyond loopback the server starts only when someone can get in, and then everyone else is kept out. */
export async function assertAccessConfigured(access: Access, host: string): Promise<void> {
  if (access.mode === 'required' && !access.password && !(await access.keys.hasActive())) {
    throw new AccessNotConfiguredError(host);
  }
}
