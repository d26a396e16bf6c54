/** Why a fetch threw: told apart because only some failures are safe to repeat. */

/**
 * How far a failed request got. Whether it may be sent again depends on it: one that was
 * `not sent` can always be; one that `maybe` reached the other side, or was `answered`, only
 * when repeating it cannot do its work twice.
 */
export type Reached = 'not sent' | 'maybe' | 'answered';

export interface ClassifiedFailure {
  /** `connection`: it could not be made, or broke; `other`: not the network (a bug, a local fault). */
  fault: 'connection' | 'other';
  reached: Exclude<Reached, 'answered'>;
  detail: string;
}

/* The request never left: connection refused, name not resolved. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
/* The connection broke or the answer was cut: the other side may have acted on it. */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const NETWORK_MESSAGES = /socket hang up|other side closed|terminated|fetch failed|network/i;

/* undici hides the socket error in `cause`, and happy-eyeballs wraps several in an AggregateError. */
function errorChain(error: unknown): Array<{ code?: unknown; message?: unknown }> {
  const chain: Array<{ code?: unknown; message?: unknown }> = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && chain.length < 16) {
    const next = queue.shift();
    if (next === null || typeof next !== 'object') continue;
    const record = next as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    chain.push(record);
    if (record.cause !== undefined) queue.push(record.cause);
    if (Array.isArray(record.errors)) queue.push(...record.errors);
  }
  return chain;
}

export function classifyFetchFailure(error: unknown): ClassifiedFailure {
  const chain = errorChain(error);
  const codes = chain.map((link) => link.code).filter((code): code is string => typeof code === 'string');
  const notSent = codes.find((code) => NOT_SENT_CODES.has(code));
  if (notSent && !codes.some((code) => NETWORK_CODES.has(code))) {
    return { fault: 'connection', reached: 'not sent', detail: notSent };
  }
  const network = codes.find((code) => NETWORK_CODES.has(code));
  if (network) return { fault: 'connection', reached: 'maybe', detail: network };
  const message = chain.map((link) => (typeof link.message === 'string' ? link.message : '')).find(Boolean) ?? '';
  if (chain.some((link) => typeof link.message === 'string' && NETWORK_MESSAGES.test(link.message))) {
    const specific = chain.map((link) => link.message).filter((m): m is string => typeof m === 'string');
    return { fault: 'connection', reached: 'maybe', detail: specific[specific.length - 1] ?? message };
  }
  return { fault: 'other', reached: 'maybe', detail: message || String(error) };
}
