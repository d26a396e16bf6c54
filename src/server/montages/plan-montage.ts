/**
 * A montage request checked against what this server holds, before anything is made: every clip
 * a finished video of ours with its trim inside the clip, the soundtrack and the logo uploads of
 * ours. The answer is the render's spec (our own media paths) or a refusal naming what to fix.
 */
import type { MontageRequest } from '@/shared/montage-contract';
import { MONTAGE_LIMITS } from '@/shared/montage-limits';
import { HttpError } from '@/server/http/http-error';
import { uploadFileNameOf } from '@/server/images/read-image';
import type { MontageClipPlan, MontageSpec } from '@/server/store/montages-store';
import type { Store } from '@/server/store/store';

const AUDIO_UPLOAD_PATH = /^\/media\/uploads\/(upl_[0-9a-hjkmnp-tv-z]{26}\.(?:mp3|m4a|wav))$/;
/* A trim may name the clip's end a little past what ffprobe read (a rounded length from a player). */
const END_TOLERANCE_S = 0.05;

const refuse = (message: string, code: 'validation_failed' | 'not_ready' = 'validation_failed') =>
  new HttpError(422, code, message);

async function planClip(store: Store, clip: MontageRequest['clips'][number], n: number): Promise<MontageClipPlan> {
  const task = await store.tasks.get(clip.task_id);
  if (!task) throw refuse(`Clip ${n}: there is no video "${clip.task_id}" on this server.`);
  if (task.status !== 'succeeded' || !task.result) {
    throw refuse(
      `Clip ${n} (${task.id}) is not a finished video (it is ${task.status}). Use finished videos only.`,
      'not_ready',
    );
  }
  const lengthS = task.result.durationS;
  const startS = clip.start_s ?? 0;
  const endS = Math.min(clip.end_s ?? lengthS, lengthS);
  if (startS >= lengthS) throw refuse(`Clip ${n} starts at ${startS} s, but the clip is only ${lengthS} s long.`);
  if (clip.end_s !== undefined && clip.end_s > lengthS + END_TOLERANCE_S)
    throw refuse(`Clip ${n} ends at ${clip.end_s} s, but the clip is only ${lengthS} s long.`);
  if (endS - startS < MONTAGE_LIMITS.minClipS)
    throw refuse(
      `Clip ${n} is trimmed to under ${MONTAGE_LIMITS.minClipS} s. Keep at least ${MONTAGE_LIMITS.minClipS} s of it.`,
    );
  return { taskId: task.id, videoPath: task.result.videoPath, startS, endS, caption: clip.caption || null };
}

async function audioPath(store: Store, url: string): Promise<string> {
  const name = AUDIO_UPLOAD_PATH.exec(new URL(url).pathname)?.[1];
  if (!name || !(await store.uploads.getByFileName(name)))
    throw refuse('The soundtrack must be a file uploaded to this server (POST /api/v1/uploads). Upload it again.');
  return `uploads/${name}`;
}

async function logoPath(store: Store, url: string): Promise<string> {
  const name = uploadFileNameOf(url);
  if (!name || !(await store.uploads.getByFileName(name)))
    throw refuse(
      'The end card’s logo must be an image uploaded to this server (POST /api/v1/uploads). Upload it again.',
    );
  return `uploads/${name}`;
}

export async function planMontage(store: Store, request: MontageRequest): Promise<MontageSpec> {
  const clips: MontageClipPlan[] = [];
  for (const [i, clip] of request.clips.entries()) clips.push(await planClip(store, clip, i + 1));
  const audio = request.audio
    ? {
        path: await audioPath(store, request.audio.url),
        volume: request.audio.volume,
        fadeOutS: request.audio.fade_out_s,
      }
    : null;
  const endCard = request.end_card
    ? {
        text: request.end_card.text,
        imagePath: request.end_card.image_url ? await logoPath(store, request.end_card.image_url) : null,
        durationS: request.end_card.duration_s,
      }
    : null;
  return { format: request.format, fit: request.fit, transition: request.transition, clips, audio, endCard };
}
