/**
 * One JSON line per event (pino), filtered by LOG_LEVEL: info and debug on stdout, warnings and
 * errors on stderr. Every line names this server (`server`) and, while a request is answered,
 * the request (`request_id`, also sent back as `X-Request-Id`), so several servers' logs read
 * as one. Callers never pass secrets or request bodies; still, the API key and anything that
 * looks like a key or credential is replaced on the way out, in fields and in messages alike.
 */
import pino from 'pino';
import type { Config } from './config/config';
import { redactSecrets, redactText } from './net/redact-secrets';
import { currentRequest } from './request-context';

export type LogLevel = Config['logLevel'];

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  /** This process among the servers sharing a database. */
  serverId?: string;
  /** Values never to write (the API key). */
  secrets?: readonly string[];
  /** Where lines go (tests); by default stdout, and stderr for warnings and errors. */
  destination?: pino.DestinationStream;
}

function standardStreams(): pino.DestinationStream {
  // Synchronous writes: the last lines before an exit (a refused start, a shutdown) are not lost.
  return pino.multistream(
    [
      { level: 'debug', stream: pino.destination({ dest: 1, sync: true }) },
      { level: 'warn', stream: pino.destination({ dest: 2, sync: true }) },
    ],
    { dedupe: true },
  );
}

export function createLogger(level: LogLevel, options: LoggerOptions = {}): Logger {
  const secrets = options.secrets ?? [];
  const base = pino(
    {
      level,
      base: { server: options.serverId ?? null, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const request = currentRequest();
        return request ? { request_id: request.requestId } : {};
      },
      hooks: { streamWrite: (line) => redactText(line, secrets) },
    },
    options.destination ?? standardStreams(),
  );
  const write =
    (at: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (!base.isLevelEnabled(at)) return;
      base[at](fields ? (redactSecrets(fields, secrets) as object) : {}, message);
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
