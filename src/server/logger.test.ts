import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { runInRequest } from './request-context';

const KEY = 'aio_live_0123456789abcdef0123';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { lines, raw, destination };
}

describe('logger', () => {
  it('writes one JSON line per event with level, time, message, fields and this server’s id', () => {
    const out = capture();
    const log = createLogger('info', { serverId: 'srv_a1', destination: out.destination });
    log.info('tracker started', { tasks: 3 });
    log.debug('not at info');
    log.error('tracker pass failed', { error: 'boom' });
    expect(out.lines).toHaveLength(2);
    expect(out.lines[0]).toMatchObject({ level: 'info', msg: 'tracker started', tasks: 3, server: 'srv_a1' });
    expect(new Date(out.lines[0]!.time as string).toISOString()).toBe(out.lines[0]!.time);
    expect(out.lines[1]).toMatchObject({ level: 'error', msg: 'tracker pass failed', error: 'boom' });
    expect(out.lines.every((line) => line.request_id === undefined)).toBe(true);
  });

  it('names the request on every line written while it is answered, and only then', async () => {
    const out = capture();
    const log = createLogger('debug', { serverId: 'srv_a1', destination: out.destination });
    await runInRequest({ requestId: 'req_one' }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      log.warn('database unavailable');
    });
    log.info('after');
    expect(out.lines.map((l) => l.request_id)).toEqual(['req_one', undefined]);
  });

  it('never writes the API key, a key-like token or a credential field, in a message or a field', () => {
    const out = capture();
    const log = createLogger('debug', { serverId: 'srv_a1', secrets: [KEY], destination: out.destination });
    log.error(`upstream said: invalid key ${KEY}`, {
      detail: `Bearer ${KEY}`,
      nested: { authorization: 'Basic c2VjcmV0', url: `https://x.test/?k=${encodeURIComponent(KEY)}` },
      other: 'aio_someone_elses_key_123456',
    });
    expect(out.raw).toHaveLength(1);
    expect(out.raw[0]).not.toContain(KEY);
    expect(out.raw[0]).not.toContain('aio_someone');
    expect(out.raw[0]).not.toContain('c2VjcmV0');
    expect(out.lines[0]).toMatchObject({ msg: 'upstream said: invalid key [redacted]' });
  });

  it('writes nothing when silent', () => {
    const out = capture();
    createLogger('silent', { destination: out.destination }).error('nobody hears this');
    expect(out.lines).toEqual([]);
  });
});
