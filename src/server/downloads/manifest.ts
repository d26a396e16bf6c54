/**
 * The manifest that travels with a ZIP of videos: one entry per task asked for, finished or not
 * (an unfinished one is listed with its status and no file, never silently left out), as JSON
 * for programs and CSV for a spreadsheet.
 */
import type { DownloadManifest, ManifestEntry } from '@/shared/batch-contract';
import { snakeCased } from '@/server/store/snake-case';
import type { TaskRecord } from '@/server/store/tasks-store';

const iso = (ms: number) => new Date(ms).toISOString();

/* Fields the manifest gives as the record holds them, under their snake_case names (in this order). */
const AS_STORED = [
  'prompt',
  'image',
  'imageName',
  'model',
  'mode',
  'duration',
  'resolution',
  'priceCredits',
  'chargedCredits',
] as const satisfies readonly (keyof TaskRecord)[];

export function manifestEntry(task: TaskRecord, file: string | null, error: string | null): ManifestEntry {
  return {
    task_id: task.id,
    batch_id: task.batchId,
    status: task.status,
    file,
    ...snakeCased(task, AS_STORED),
    error,
    created_at: iso(task.createdAt),
    finished_at: task.finishedAt === null ? null : iso(task.finishedAt),
  };
}

export function buildManifest(entries: ManifestEntry[], batchId: string | null, now: number): DownloadManifest {
  return {
    generated_at: iso(now),
    batch_id: batchId,
    videos: entries.filter((entry) => entry.file !== null).length,
    total_price_credits: entries.reduce((sum, entry) => sum + entry.price_credits, 0),
    charged_credits: entries.reduce((sum, entry) => sum + entry.charged_credits, 0),
    entries,
  };
}

export const MANIFEST_COLUMNS = [
  'file',
  'image_name',
  'task_id',
  'batch_id',
  'status',
  'prompt',
  'mode',
  'model',
  'duration',
  'resolution',
  'price_credits',
  'charged_credits',
  'error',
  'image',
  'created_at',
  'finished_at',
] as const satisfies readonly (keyof ManifestEntry)[];

/*
 * A prompt is text a user wrote: a cell starting with = + - @ would run as a formula when the
 * CSV is opened in a spreadsheet (CSV injection), so such a cell is prefixed with a quote mark.
 */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte-order mark, so a spreadsheet shows accented prompts correctly. */
export function manifestCsv(entries: readonly ManifestEntry[]): string {
  const rows = [
    MANIFEST_COLUMNS.join(','),
    ...entries.map((e) => MANIFEST_COLUMNS.map((c) => csvCell(e[c])).join(',')),
  ];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
