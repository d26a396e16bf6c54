import { describe, expect, it } from 'vitest';
import type { UpstreamExchange } from '@/shared/contract';
import { exchangeOutcome } from './exchange-outcome';

const exchange = (fields: Partial<UpstreamExchange>): UpstreamExchange => ({
  at: '2026-01-01T00:00:00.000Z',
  operation: 'poll',
  http_status: null,
  body: null,
  error: null,
  ...fields,
});

describe('exchangeOutcome', () => {
  it('gives the status of an answered call', () => {
    expect(exchangeOutcome(exchange({ http_status: 200 }), 'apiinone')).toBe('HTTP 200');
    expect(exchangeOutcome(exchange({ http_status: 502, error: 'Bad gateway' }), 'apiinone')).toBe('HTTP 502');
  });

  it('says "no HTTP answer" only when a call to the upstream failed without one', () => {
    expect(exchangeOutcome(exchange({ error: 'timed out' }), 'apiinone')).toBe('no HTTP answer');
    expect(exchangeOutcome(exchange({ operation: 'callback', error: 'refused' }), 'local')).toBe('no HTTP answer');
  });

  it('says what a normal local task’s steps were', () => {
    expect(exchangeOutcome(exchange({ operation: 'submit' }), 'local')).toBe('on this machine');
    expect(exchangeOutcome(exchange({ operation: 'poll' }), 'local')).toBe('on this machine');
    expect(exchangeOutcome(exchange({ operation: 'download' }), 'local')).toBe('saved');
    expect(exchangeOutcome(exchange({ operation: 'download', error: 'disk full' }), 'local')).toBe('failed');
  });

  it('calls a copied result saved and a webhook received, whatever the engine', () => {
    expect(exchangeOutcome(exchange({ operation: 'download' }), 'apiinone')).toBe('saved');
    expect(exchangeOutcome(exchange({ operation: 'webhook' }), 'apiinone')).toBe('received');
  });
});
