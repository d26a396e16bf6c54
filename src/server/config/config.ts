/** Reads the environment once, validated, so a typo fails at start with a clear message. */
import path from 'node:path';
import { z } from 'zod';
import type { S3Settings } from '@/server/media/s3-media';
import { readSecurityConfig, securityEnvShape, securityIssues, type SecurityConfig } from './security-config';

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/./, { error: 'use a postgres:// (or postgresql://) URL, or leave it unset for SQLite' })
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
      error: 'a bucket name: 3-63 lowercase letters, digits, dots, hyphens',
    })
    .optional(),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'the http(s):// address of the S3-compatible service' }).optional(),
  S3_REGION: z.string().min(1).optional(),
  AWS_REGION: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
  APIINONE_API_KEY: z.string().optional(),
  APIINONE_BASE_URL: z.url().default('https://apiin.one'),
  APIINONE_TIMEOUT_MS: z.coerce.number().int().min(50).max(600_000).default(15_000),
  APIINONE_DOWNLOAD_TIMEOUT_MS: z.coerce.number().int().min(50).max(3_600_000).default(300_000),
  APIINONE_RESULT_GRACE_MS: z.coerce.number().int().min(0).max(3_600_000).default(180_000),
  PUBLIC_BASE_URL: z.url().optional(),
  LOCAL_ENGINE_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(8000),
  LOCAL_ENGINE_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),
  TASK_DEADLINE_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(86_400_000)
    .default(30 * 60_000),
  TASK_LEASE_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  DIST_DIR: z.string().default('./dist'),
  ...securityEnvShape,
});

export interface Config {
  port: number;
  host: string;
  /** Media, scratch files, and the SQLite database when `database.url` is null. */
  dataDir: string;
  /** PostgreSQL when `url` is set (DATABASE_URL), shared by every server pointing at it. */
  database: { url: string | null; poolSize: number };
  /** Media in an S3-compatible bucket (S3_BUCKET), shared by every server; null: DATA_DIR/media. */
  s3: S3Settings | null;
  distDir: string;
  apiKey: string | null;
  apiBaseUrl: string;
  /**
   * Deadlines of one attempt at an upstream call (a submit or poll, a result download), and how
   * long a task API in One calls done, but without a link we can read, is polled again.
   */
  upstreamTimeouts: { callMs: number; downloadMs: number; resultGraceMs: number };
  publicBaseUrl: string | null;
  localEngine: { delayMs: number; failureRate: number };
  /** A task still unfinished this long after it was created ends failed. */
  taskDeadlineMs: number;
  /** How long a server holds a task it works on unless it renews the hold (every third of it). */
  taskLeaseMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Access control, rate limits, what user links may reach (security-config.ts). */
  security: SecurityConfig;
}

/* An S3 setting without a bucket is a typo or a half-done switch: media would quietly stay on the disk. */
function s3Issues(e: { S3_BUCKET?: string; S3_ENDPOINT?: string; S3_REGION?: string }): string[] {
  if (e.S3_BUCKET) return [];
  const set = (['S3_ENDPOINT', 'S3_REGION'] as const).filter((name) => e[name] !== undefined);
  return set.map((name) => `${name}: set without S3_BUCKET; set S3_BUCKET too, or unset it to keep media in DATA_DIR`);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const issues = [...securityIssues(e, e.HOST, env.NODE_ENV), ...s3Issues(e)];
  if (issues.length) throw new Error(`Invalid configuration:\n${issues.map((i) => `  ${i}`).join('\n')}`);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    database: { url: e.DATABASE_URL ?? null, poolSize: e.DATABASE_POOL_SIZE },
    s3: e.S3_BUCKET
      ? {
          bucket: e.S3_BUCKET,
          endpoint: e.S3_ENDPOINT?.replace(/\/+$/, '') ?? null,
          // The SDK needs a region even where the service has none (MinIO): AWS's first by default.
          region: e.S3_REGION ?? e.AWS_REGION ?? 'us-east-1',
          forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
        }
      : null,
    distDir: path.resolve(e.DIST_DIR),
    apiKey: e.APIINONE_API_KEY?.trim() || null,
    apiBaseUrl: e.APIINONE_BASE_URL.replace(/\/+$/, ''),
    upstreamTimeouts: {
      callMs: e.APIINONE_TIMEOUT_MS,
      downloadMs: e.APIINONE_DOWNLOAD_TIMEOUT_MS,
      resultGraceMs: e.APIINONE_RESULT_GRACE_MS,
    },
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, '') ?? null,
    localEngine: { delayMs: e.LOCAL_ENGINE_DELAY_MS, failureRate: e.LOCAL_ENGINE_FAILURE_RATE },
    taskDeadlineMs: e.TASK_DEADLINE_MS,
    taskLeaseMs: e.TASK_LEASE_MS,
    logLevel: e.LOG_LEVEL,
    security: readSecurityConfig(e, e.HOST),
  };
}
