/** Reads the environment once, validated, so a typo fails at start with a clear message. */
import path from 'node:path';
import { z } from 'zod';

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  APIINONE_API_KEY: z.string().optional(),
  APIINONE_BASE_URL: z.url().default('https://apiin.one'),
  PUBLIC_BASE_URL: z.url().optional(),
  LOCAL_ENGINE_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(8000),
  LOCAL_ENGINE_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),
  TASK_DEADLINE_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(86_400_000)
    .default(30 * 60_000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  DIST_DIR: z.string().default('./dist'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  distDir: string;
  apiKey: string | null;
  apiBaseUrl: string;
  publicBaseUrl: string | null;
  localEngine: { delayMs: number; failureRate: number };
  /** A task still unfinished this long after it was created ends failed. */
  taskDeadlineMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    distDir: path.resolve(e.DIST_DIR),
    apiKey: e.APIINONE_API_KEY?.trim() || null,
    apiBaseUrl: e.APIINONE_BASE_URL.replace(/\/+$/, ''),
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, '') ?? null,
    localEngine: { delayMs: e.LOCAL_ENGINE_DELAY_MS, failureRate: e.LOCAL_ENGINE_FAILURE_RATE },
    taskDeadlineMs: e.TASK_DEADLINE_MS,
    logLevel: e.LOG_LEVEL,
  };
}
