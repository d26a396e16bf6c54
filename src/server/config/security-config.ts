/**
 * The security settings read from the environment: who may use the server, how fast, and what
 * the server may fetch. Read with the rest of the configuration (config.ts), so a bad value
 * stops the server at start with a clear message.
 */
import { z } from 'zod';
import { isLoopbackAddress, isPublicAddress } from '@/server/net/ip-policy';

const perMinute = (fallback: number) => z.coerce.number().int().min(0).max(1_000_000).default(fallback);

export const securityEnvShape = {
  /* `auto`: open on a loopback address, sign-in or API key needed anywhere else. */
  AUTH: z.enum(['auto', 'required']).default('auto'),
  DASHBOARD_PASSWORD: z.string().min(12, { error: 'use at least 12 characters' }).optional(),
  AUTH_PEPPER: z.string().min(16, { error: 'use at least 16 characters' }).optional(),
  RATE_LIMIT_SUBMITS_PER_MIN: perMinute(30),
  RATE_LIMIT_BATCHES_PER_MIN: perMinute(10),
  RATE_LIMIT_UPLOADS_PER_MIN: perMinute(30),
  RATE_LIMIT_SIGN_INS_PER_MIN: perMinute(10),
  UNSAFE_ALLOW_LOOPBACK_FETCH: z.enum(['0', '1']).default('0'),
} as const;

type SecurityEnv = z.infer<z.ZodObject<typeof securityEnvShape>>;

export interface RateLimits {
  /** Requests per minute per client; 0 turns the limit off. */
  submitsPerMin: number;
  batchesPerMin: number;
  uploadsPerMin: number;
  signInsPerMin: number;
}

export interface SecurityConfig {
  /** `required`: every API and media request needs a session cookie or an API key. */
  access: 'open' | 'required';
  dashboardPassword: string | null;
  pepper: string | null;
  rateLimits: RateLimits;
  /**
   * Tests only: lets user links (images, callbacks) reach loopback addresses, so a test server can
   * play "the internet" on 127.0.0.1. Refused unless the server itself listens on loopback.
   */
  unsafeAllowLoopbackFetch: boolean;
}

/** `HOST` names this machine only (127.0.0.0/8, ::1, localhost); `0.0.0.0` and `::` mean every interface. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  return bare === 'localhost' || isLoopbackAddress(bare);
}

/** Issues with a key (the env variable's name) and a message, as config.ts reports them. */
export function securityIssues(e: SecurityEnv, host: string, nodeEnv: string | undefined): string[] {
  const issues: string[] = [];
  if (e.UNSAFE_ALLOW_LOOPBACK_FETCH === '1' && (!isLoopbackHost(host) || nodeEnv === 'production')) {
    issues.push('UNSAFE_ALLOW_LOOPBACK_FETCH: only for tests on a loopback HOST, never in production');
  }
  return issues;
}

export function readSecurityConfig(e: SecurityEnv, host: string): SecurityConfig {
  return {
    access: e.AUTH === 'required' || !isLoopbackHost(host) ? 'required' : 'open',
    dashboardPassword: e.DASHBOARD_PASSWORD ?? null,
    pepper: e.AUTH_PEPPER ?? null,
    rateLimits: {
      submitsPerMin: e.RATE_LIMIT_SUBMITS_PER_MIN,
      batchesPerMin: e.RATE_LIMIT_BATCHES_PER_MIN,
      uploadsPerMin: e.RATE_LIMIT_UPLOADS_PER_MIN,
      signInsPerMin: e.RATE_LIMIT_SIGN_INS_PER_MIN,
    },
    unsafeAllowLoopbackFetch: e.UNSAFE_ALLOW_LOOPBACK_FETCH === '1',
  };
}

export type AddressPolicy = (address: string) => boolean;

const publicOrLoopback: AddressPolicy = (address) => isPublicAddress(address) || isLoopbackAddress(address);

/** Which resolved addresses user links (images, callbacks) may reach: public ones, plus loopback in tests. */
export function linkAddressPolicy(security: Pick<SecurityConfig, 'unsafeAllowLoopbackFetch'>): AddressPolicy {
  return security.unsafeAllowLoopbackFetch ? publicOrLoopback : isPublicAddress;
}
