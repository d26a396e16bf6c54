/**
 * The file name a downloaded video gets: readable in a folder of many, sortable by what it is,
 * and unique by the task id. Named after the photo when its name is known
 * (`red-shoe-pro-10s-768p-tsk_….mp4`: twenty product clips tell themselves apart), else after
 * the prompt (`hailuo-pro-10s-768p-golden-retriever-running-tsk_….mp4`).
 * Shared so the browser names files (e.g. in a ZIP) exactly as the server does.
 */
import { photoStem } from './photo-name';
import type { Duration, Mode, Resolution } from './pricing';

export interface DownloadNameParts {
  task_id: string;
  mode: Mode;
  duration: Duration;
  resolution: Resolution;
  prompt: string;
  /** The photo's own name (photo-name.ts), when known. */
  image_name?: string | null;
}

const MAX_WORDS = 6;
const MAX_WORD_CHARS = 48;

/** The prompt's first words, ASCII letters and digits only, joined by dashes. */
export function promptSlug(prompt: string): string {
  const words = prompt
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, MAX_WORDS);
  return words.join('-').slice(0, MAX_WORD_CHARS).replace(/-+$/, '');
}

export function downloadFileName(task: DownloadNameParts, extension = 'mp4'): string {
  const photo = task.image_name ? promptSlug(photoStem(task.image_name)) : '';
  if (photo) {
    const parts = [photo, task.mode, `${task.duration}s`, task.resolution.toLowerCase(), task.task_id];
    return `${parts.join('-')}.${extension}`;
  }
  const parts = [
    'hailuo',
    task.mode,
    `${task.duration}s`,
    task.resolution.toLowerCase(),
    promptSlug(task.prompt),
    task.task_id,
  ];
  return `${parts.filter(Boolean).join('-')}.${extension}`;
}
