/** `POST /api/v1/uploads` with a soundtrack: judged by ffprobe from its bytes, kept without its metadata, limits in words. */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIO_LIMITS } from '@/shared/montage-limits';
import { expectError, postUpload } from '../../../tests/support/api-calls';
import { uploadAudio } from '../../../tests/support/montage-calls';
import { mediaNameOf, storedCopy } from '../../../tests/support/media-files';
import { makeAudio, makeClip, probeMedia } from '../../../tests/support/test-media';
import { startTestApp, type TestServer } from '../../../tests/support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestApp({ LOCAL_ENGINE_DELAY_MS: '600000' });
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('soundtrack uploads', () => {
  for (const [kind, type, codec] of [
    ['mp3', 'audio/mpeg', 'mp3'],
    ['m4a', 'audio/mp4', 'aac'],
    ['wav', 'audio/wav', 'pcm_s16le'],
  ] as const) {
    it(`takes ${kind}, read from its bytes whatever it is called`, async () => {
      // Named and typed as an image: the bytes decide.
      const answer = await uploadAudio(server, await makeAudio(kind, 5), 'picture.jpg', 'image/jpeg');
      expect(answer).toMatchObject({ content_type: type });
      expect(answer.url).toMatch(new RegExp(`/media/uploads/upl_[0-9a-z]{26}\\.${kind}$`));
      expect(answer.duration_s).toBeGreaterThan(4.9);
      expect(answer.duration_s).toBeLessThan(5.2);
      const stored = await server.fetch(answer.url);
      expect(stored.status).toBe(200);
      expect(stored.headers.get('Content-Type')).toBe(type);
      const file = await storedCopy(server.services.media, mediaNameOf(answer.url), `${server.dataDir}/out`);
      expect((await probeMedia(file)).audioCodec).toBe(codec);
    });
  }

  it('refuses a video: a soundtrack is sound only', async () => {
    const dir = fs.mkdtempSync(`${server.dataDir}/v-`);
    await makeClip(`${dir}/clip.mp4`, 320, 240, 1);
    const message = await expectError(
      await postUpload(server, fs.readFileSync(`${dir}/clip.mp4`), 'song.m4a', 'audio/mp4'),
      422,
      'upload_invalid',
    );
    expect(message).toMatch(/sound only/);
  });

  it('refuses a soundtrack longer than the limit, in minutes', async () => {
    // 8 kHz WAV: ten and a half minutes in 10 MB, written with no encode.
    const long = await makeAudio('wav', AUDIO_LIMITS.maxDurationS + 30, 8000);
    const message = await expectError(await postUpload(server, long, 'long.wav', 'audio/wav'), 422, 'upload_invalid');
    expect(message).toMatch(/at most 10 minutes/);
  });

  it('refuses bytes that only start like a sound file, with no tool output in the words', async () => {
    const fake = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(2000, 7)]);
    const message = await expectError(await postUpload(server, fake, 'song.mp3', 'audio/mpeg'), 422, 'upload_invalid');
    expect(message).toMatch(/MP3, M4A \(AAC\) or WAV/);
    expect(message).not.toMatch(/ffprobe|\/tmp|\.part/);
    // Nothing is left staged in the uploads folder (this server keeps media in DATA_DIR/media).
    const names = fs.readdirSync(`${server.services.media.stagingDir}/uploads`);
    expect(names.filter((n) => n.includes('.part'))).toEqual([]);
  });
});
