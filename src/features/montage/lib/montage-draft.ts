/** The montage being put together in the dialog, and the request it becomes. */
import type { Task } from '@/shared/contract';
import type { MontageRequestInput } from '@/shared/montage-contract';
import type { MontageFit, MontageFormat, MontageTransition } from '@/shared/montage-limits';

export interface DraftClip {
  taskId: string;
  posterUrl: string | null;
  lengthS: number;
  startS: number;
  endS: number;
  caption: string;
}

export interface MontageDraft {
  format: MontageFormat;
  fit: MontageFit;
  transition: MontageTransition;
  clips: DraftClip[];
  endCardText: string;
  soundtrack: { url: string; name: string } | null;
  volume: number;
  fadeOutS: number;
}

export function draftOf(tasks: readonly Task[]): MontageDraft {
  return {
    format: '9:16',
    fit: 'crop',
    transition: 'crossfade',
    clips: tasks.flatMap((task) =>
      task.result
        ? [
            {
              taskId: task.task_id,
              posterUrl: task.result.poster_url,
              lengthS: task.result.duration_s,
              startS: 0,
              endS: task.result.duration_s,
              caption: '',
            },
          ]
        : [],
    ),
    endCardText: '',
    soundtrack: null,
    volume: 1,
    fadeOutS: 1,
  };
}

/** Moves the clip at `index` by `by` places. */
export function moved<T>(list: readonly T[], index: number, by: number): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item!);
  return next;
}

export function montageRequestOf(draft: MontageDraft): MontageRequestInput {
  return {
    format: draft.format,
    fit: draft.fit,
    transition: draft.transition,
    clips: draft.clips.map((clip) => ({
      task_id: clip.taskId,
      start_s: clip.startS,
      end_s: clip.endS,
      ...(clip.caption.trim() && { caption: clip.caption.trim() }),
    })),
    ...(draft.soundtrack && {
      audio: { url: draft.soundtrack.url, volume: draft.volume, fade_out_s: draft.fadeOutS },
    }),
    ...(draft.endCardText.trim() && { end_card: { text: draft.endCardText.trim() } }),
  };
}
