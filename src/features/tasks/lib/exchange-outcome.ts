import type { Task, UpstreamExchange } from '@/shared/contract';

/**
 * The few words beside an exchange in the inspector saying how it went. The local engine and
 * the copy of a finished video make no HTTP call whose status we keep, so "no HTTP answer",
 * which tells support the upstream went silent, is said only when a call failed that way.
 */
export function exchangeOutcome(exchange: UpstreamExchange, engine: Task['engine']): string {
  if (exchange.http_status !== null) return `HTTP ${exchange.http_status}`;
  const local = engine === 'local' && exchange.operation !== 'callback';
  if (exchange.error) return local ? 'failed' : 'no HTTP answer';
  if (exchange.operation === 'webhook') return 'received';
  if (exchange.operation === 'download') return 'saved';
  return local ? 'on this machine' : 'no HTTP status';
}
