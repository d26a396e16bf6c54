/**
 * What every media storage promises (src/server/media/media-storage.ts), run against the folder
 * and against a real S3-compatible bucket: whole files or none, exact byte ranges, a missing file
 * told apart from a fault, listing in name order, and a staged file never seen as a stored one.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaMissingError, mediaFile, type MediaStorage } from '@/server/media/media-storage';
import { newId } from '@/server/store/new-id';

export interface MediaHarness {
  media: MediaStorage;
  close(): Promise<void>;
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export function describeMediaContract(name: string, open: () => Promise<MediaHarness>): void {
  describe(`media storage contract: ${name}`, () => {
    let harness: MediaHarness;
    let media: MediaStorage;
    beforeAll(async () => {
      harness = await open();
      media = harness.media;
    });
    afterAll(() => harness?.close());

    const newVideo = () => mediaFile('videos', newId('tsk'), 'mp4');

    it('keeps what is written: its size, a quoted ETag, its bytes whole and by range', async () => {
      const file = mediaFile('uploads', newId('upl'), 'png');
      const bytes = randomBytes(5000);
      const before = Date.now();
      await media.write(file, bytes);
      const stat = await media.stat(file);
      expect(stat).toMatchObject({ size: 5000, etag: expect.stringMatching(/^"[^"]+"$/) });
      // Stores keep whole seconds (S3's Last-Modified): within a second and a bit of the write.
      expect(stat!.modifiedAt.getTime()).toBeGreaterThan(before - 2000);
      expect(stat!.modifiedAt.getTime()).toBeLessThan(Date.now() + 2000);
      expect(await media.readAll(file)).toEqual(bytes);
      expect(await bytesOf(await media.read(file))).toEqual(bytes);
      expect(await bytesOf(await media.read(file, { start: 100, end: 199 }))).toEqual(bytes.subarray(100, 200));
      expect(await bytesOf(await media.read(file, { start: 4999, end: 4999 }))).toEqual(bytes.subarray(4999));
    });

    it('tells a missing file apart: null, null, MediaMissingError, and removing it again is fine', async () => {
      const file = newVideo();
      expect(await media.stat(file)).toBeNull();
      expect(await media.readAll(file)).toBeNull();
      await expect(media.read(file)).rejects.toBeInstanceOf(MediaMissingError);
      await expect(media.remove(file)).resolves.toBeUndefined();
    });

    it('places a staged file larger than one multipart part: every byte, and the staged file gone', async () => {
      const file = newVideo();
      const staged = media.stagingPath(file);
      expect(path.dirname(staged).startsWith(media.stagingDir)).toBe(true);
      const bytes = randomBytes(9 * 1024 * 1024 + 123);
      fs.writeFileSync(staged, bytes);
      // Written but not placed: nobody sees it under the file's name.
      expect(await media.stat(file)).toBeNull();
      await media.place(file, staged);
      expect(fs.existsSync(staged)).toBe(false);
      expect((await media.stat(file))?.size).toBe(bytes.length);
      const tail = await bytesOf(await media.read(file, { start: bytes.length - 10, end: bytes.length - 1 }));
      expect(tail).toEqual(bytes.subarray(bytes.length - 10));
      expect((await media.readAll(file))!.equals(bytes)).toBe(true);
    });

    it('gives other bytes another ETag', async () => {
      const file = newVideo();
      await media.write(file, Buffer.from('first version'));
      const first = await media.stat(file);
      await media.write(file, Buffer.from('second, longer version'));
      const second = await media.stat(file);
      expect(second!.etag).not.toBe(first!.etag);
      expect(await text(await media.read(file))).toBe('second, longer version');
    });

    it('removes a file', async () => {
      const file = newVideo();
      await media.write(file, Buffer.from('soon gone'));
      await media.remove(file);
      expect(await media.stat(file)).toBeNull();
    });

    it('lists one kind in name order, up to a limit, without staged files', async () => {
      const ids = [newId('upl', 1_000_000), newId('upl', 2_000_000), newId('upl', 3_000_000)];
      for (const id of [ids[2]!, ids[0]!, ids[1]!]) await media.write(mediaFile('uploads', id, 'jpg'), Buffer.from(id));
      fs.writeFileSync(media.stagingPath(mediaFile('uploads', newId('upl', 500_000), 'jpg')), 'half');
      const names = (await media.list('uploads', 1000)).map((entry) => entry.name);
      const ours = names.filter((n) => ids.some((id) => n.startsWith(id)));
      expect(ours).toEqual(ids.map((id) => `${id}.jpg`));
      expect(names.every((n) => /^upl_[0-9a-z]{26}\.(jpg|png|webp)$/.test(n))).toBe(true);
      expect([...names].sort()).toEqual(names);
      expect(await media.list('uploads', 2)).toHaveLength(2);
      expect((await media.list('posters', 1000)).map((e) => e.name)).not.toContain(`${ids[0]}.jpg`);
    });

    it('sweeps staged files a killed process left, so none is ever served', async () => {
      const file = newVideo();
      const staged = media.stagingPath(file);
      fs.writeFileSync(staged, 'cut short');
      await media.sweepPartials();
      expect(await media.stat(file)).toBeNull();
      // In the folder they sit beside the media and are swept now; a bucket's sit in the
      // process's scratch folder, swept with it at the next start.
      if (media.storage === 'folder') expect(fs.existsSync(staged)).toBe(false);
    });

    it('answers its health check', async () => {
      expect(await media.health()).toMatchObject({ storage: media.storage, reachable: true });
    });
  });
}
