/**
 * What people read about an internal error, from the errors the server really meets: Node's,
 * SQLite's, sharp's and ffmpeg's (made for real where they can be here: a missing file, a tool
 * that fails), and the engine's own reasons, which are kept.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineError } from '@/server/engine/engine';
import { ImageRefusal } from '@/server/images/image-refusal';
import { runTool, ToolError } from '@/server/media/run-tool';
import { FFMPEG_PATH } from '@/server/media/tool-paths';
import { probeVideo } from '@/server/media/probe-video';
import { describeFault, plainReason } from './describe-fault';
import { isStorageFull } from './storage-full';

const WORDS = { doing: 'making the preview video', code: 'engine_failed' };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hailuo-fault-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('describeFault', () => {
  it('a file-system error: plain words for the person, the detail without the path for support', async () => {
    const error = await caught(() => fs.promises.rename(path.join(dir, 'tsk_1.mp4.part-ab'), path.join(dir, 'b.mp4')));
    const fault = describeFault(error, WORDS);
    expect(fault).toMatchObject({ code: 'engine_failed', storageFull: false });
    expect(fault.message).toBe(
      "Something went wrong on the server while making the preview video. Run it again; if it fails again, the task's history has the details for support.",
    );
    expect(fault.detail).toMatch(/^ENOENT: no such file or directory, rename 'tsk_1\.mp4\.part-ab' -> 'b\.mp4'/);
    expect(fault.detail).not.toContain(dir);
  });

  it('a tool that fails: its output stays in the detail, never in the message', async () => {
    const error = await caught(() =>
      runTool(FFMPEG_PATH, ['-v', 'error', '-i', path.join(dir, 'missing.mp4'), '-f', 'null', '-'], {
        timeoutMs: 20_000,
      }),
    );
    expect(error).toBeInstanceOf(ToolError);
    const fault = describeFault(error, WORDS);
    expect(fault.message).not.toMatch(/ffmpeg|missing\.mp4|exit/);
    expect(fault.detail).toMatch(/ffmpeg failed \(exit \d+\)/);
    expect(fault.detail).toContain('missing.mp4');
    expect(fault.detail).not.toContain(dir);
  });

  it.each([
    ['Node', Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })],
    ['a quota', Object.assign(new Error('EDQUOT: disk quota exceeded, write'), { code: 'EDQUOT' })],
    [
      'libvips',
      new Error('/data/scratch/1-2/tsk_1.mp4.still-ab.jpg: write error\nsystem error: No space left on device'),
    ],
    [
      'ffmpeg',
      new ToolError(
        'ffmpeg failed (exit 1): Error initializing output stream 0:0 --',
        'failed',
        'Could not write header for output file #0 (incorrect codec parameters ?): No space left on device\nError initializing output stream 0:0 --',
      ),
    ],
    ['a wrapped cause', new Error('The copy failed', { cause: Object.assign(new Error('write'), { code: 'ENOSPC' }) })],
  ])('a full disk as %s says so, in plain words', (_source, error) => {
    expect(isStorageFull(error)).toBe(true);
    const fault = describeFault(error, WORDS);
    expect(fault).toMatchObject({ code: 'insufficient_storage', storageFull: true });
    expect(fault.message).toBe(
      'The server ran out of storage space while making the preview video. Run it again once space has been freed on the server.',
    );
  });

  it('SQLite’s own "disk is full" counts too', () => {
    const db = new Database(':memory:');
    db.pragma('max_page_count = 2');
    db.exec('CREATE TABLE t (x)');
    let error: unknown = null;
    try {
      for (let i = 0; i < 100; i++) db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(1000));
    } catch (caughtError) {
      error = caughtError;
    }
    db.close();
    expect((error as { code?: string }).code).toBe('SQLITE_FULL');
    expect(describeFault(error, WORDS).code).toBe('insufficient_storage');
  });

  it('keeps reasons written for people: the engine’s, an image’s, a file that is no video', async () => {
    const engine = new EngineError({
      code: 'upstream_timeout',
      message: 'API in One did not answer.',
      transient: true,
    });
    expect(describeFault(engine, { ...WORDS, lead: 'The video could not be saved' })).toMatchObject({
      code: 'upstream_timeout',
      message: 'The video could not be saved: API in One did not answer.',
    });
    const refusal = new ImageRefusal('image_invalid', 'That is a gif file.');
    expect(describeFault(refusal, WORDS)).toMatchObject({ code: 'image_invalid', message: 'That is a gif file.' });
    const garbage = path.join(dir, 'garbage.mp4');
    fs.writeFileSync(garbage, '<html>not a video</html>');
    const unplayable = describeFault(await caught(() => probeVideo(garbage)), WORDS);
    expect(unplayable.message).toBe('The file is not a playable video (it could not be read as one).');
    expect(unplayable.detail).not.toContain(dir);
  });

  it('a damaged image read by sharp is told plainly', async () => {
    const error = await caught(() => sharp(Buffer.from('not an image')).toFile(path.join(dir, 'x.jpg')));
    expect(describeFault(error, WORDS).message).toMatch(/^Something went wrong on the server/);
  });
});

describe('plainReason', () => {
  it.each([
    ['API in One answered HTTP 503.', 'API in One answered HTTP 503.'],
    ['database or disk is full', 'The server ran out of storage space.'],
    ["ENOENT: no such file or directory, open 'media/uploads/upl_1.png'", 'Something went wrong on the server.'],
    ['SQLITE_BUSY: database is locked', 'Something went wrong on the server.'],
    ['ffmpeg failed (exit 1): …', 'Something went wrong on the server.'],
    ['could not rename /data/x', 'Something went wrong on the server.'],
  ])('%s → %s', (text, expected) => {
    expect(plainReason(text)).toBe(expected);
  });
});
