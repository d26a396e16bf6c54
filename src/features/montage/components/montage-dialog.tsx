import { useId, useState } from 'react';
import { Button } from '@/components/button';
import { FIELD_CLASSES } from './field-classes';
import { Dialog } from '@/components/dialog';
import { Spinner } from '@/components/spinner';
import { useToast } from '@/components/toast/toast-context';
import { IdempotencyAttempt } from '@/lib/idempotency-attempt';
import type { Task } from '@/shared/contract';
import { FRAME_USES } from '@/shared/frames';
import {
  MONTAGE_FORMATS,
  MONTAGE_LIMITS,
  type MontageFit,
  type MontageFormat,
  type MontageTransition,
} from '@/shared/montage-limits';
import { useCreateMontage } from '@/features/montage/api/montages';
import { uploadSoundtrack } from '@/features/montage/api/upload-soundtrack';
import { draftOf, montageRequestOf, moved, type MontageDraft } from '@/features/montage/lib/montage-draft';
import { MontageClipRow } from './montage-clip-row';

/**
 * Finished clips into one video: order, trims and captions per clip, the frame and its fit, cut
 * or crossfade, an end card and a soundtrack. The server renders it; it costs no credits.
 */
export function MontageDialog({
  tasks,
  onClose,
  onCreated,
}: {
  tasks: readonly Task[];
  onClose: () => void;
  /** Once it is started: the page opens the list of montages, where it renders. */
  onCreated?: () => void;
}) {
  const [draft, setDraft] = useState<MontageDraft>(() => draftOf(tasks));
  const [attempt] = useState(() => new IdempotencyAttempt());
  const [soundtrack, setSoundtrack] = useState<{ kind: 'idle' | 'uploading' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });
  const [error, setError] = useState<string | null>(null);
  const create = useCreateMontage();
  const toast = useToast();
  const soundId = useId();
  const set = (patch: Partial<MontageDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const pickSoundtrack = async (file: File | undefined) => {
    if (!file) return set({ soundtrack: null });
    setSoundtrack({ kind: 'uploading' });
    try {
      const upload = await uploadSoundtrack(file);
      set({ soundtrack: { url: new URL(upload.url, window.location.origin).href, name: file.name } });
      setSoundtrack({ kind: 'idle' });
    } catch (e) {
      set({ soundtrack: null });
      setSoundtrack({
        kind: 'error',
        message: e instanceof Error ? e.message : 'The soundtrack could not be uploaded.',
      });
    }
  };

  const submit = async () => {
    setError(null);
    const request = montageRequestOf(draft);
    try {
      await create.mutateAsync({ request, idempotencyKey: attempt.keyFor(request) });
      attempt.complete();
      toast({
        kind: 'success',
        title: 'Your montage is being made',
        description: 'It renders in Montages, beside Your videos. No credits are used.',
      });
      onClose();
      onCreated?.();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The montage was not started. Try again.');
    }
  };

  return (
    <Dialog open onClose={onClose} title="Make a montage" size="max-w-3xl">
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <ol className="flex flex-col gap-2" aria-label="Clips in order">
          {draft.clips.map((clip, i) => (
            <MontageClipRow
              key={clip.taskId}
              clip={clip}
              index={i}
              count={draft.clips.length}
              onChange={(next) => set({ clips: draft.clips.map((c, j) => (j === i ? next : c)) })}
              onMove={(by) => set({ clips: moved(draft.clips, i, by) })}
            />
          ))}
        </ol>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <label className="flex flex-col gap-1 text-sm font-medium">
            Frame
            <select
              className={FIELD_CLASSES}
              value={draft.format}
              onChange={(e) => set({ format: e.target.value as MontageFormat })}
            >
              {MONTAGE_FORMATS.map((format) => (
                <option key={format} value={format}>
                  {format} · {FRAME_USES[format]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Fit
            <select
              className={FIELD_CLASSES}
              value={draft.fit}
              onChange={(e) => set({ fit: e.target.value as MontageFit })}
            >
              <option value="crop">Crop to fill the frame</option>
              <option value="pad">Whole clip on a blurred backdrop</option>
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Between clips
            <select
              className={FIELD_CLASSES}
              value={draft.transition}
              onChange={(e) => set({ transition: e.target.value as MontageTransition })}
            >
              <option value="crossfade">Crossfade</option>
              <option value="cut">Cut</option>
            </select>
          </label>
        </div>
        <label className="flex flex-col gap-1 text-sm font-medium">
          End card text (optional)
          <input
            className={FIELD_CLASSES}
            maxLength={MONTAGE_LIMITS.endCardTextMaxChars}
            value={draft.endCardText}
            placeholder="shop.example.com · 20% off this week"
            onChange={(e) => set({ endCardText: e.target.value })}
          />
        </label>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">Soundtrack (optional)</legend>
          <input
            id={soundId}
            type="file"
            accept="audio/mpeg,audio/mp4,audio/x-m4a,audio/wav,.mp3,.m4a,.wav"
            aria-label="Soundtrack: an MP3, M4A or WAV file"
            onChange={(e) => void pickSoundtrack(e.target.files?.[0])}
            className="text-sm"
          />
          {soundtrack.kind === 'uploading' ? (
            <p className="text-sm" role="status">
              <Spinner /> Uploading the soundtrack…
            </p>
          ) : null}
          {soundtrack.kind === 'error' ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {soundtrack.message}
            </p>
          ) : null}
          {draft.soundtrack ? (
            <div className="grid grid-cols-2 gap-3">
              <label className="flex flex-col gap-1 text-xs">
                Volume ({Math.round(draft.volume * 100)}%)
                <input
                  type="range"
                  min={0}
                  max={MONTAGE_LIMITS.volumeMax}
                  step={0.05}
                  value={draft.volume}
                  onChange={(e) => set({ volume: Number(e.target.value) })}
                />
              </label>
              <label className="flex flex-col gap-1 text-xs">
                Fade out (s)
                <input
                  type="number"
                  className={FIELD_CLASSES}
                  min={0}
                  max={MONTAGE_LIMITS.fadeOutMaxS}
                  step={0.5}
                  value={draft.fadeOutS}
                  onChange={(e) =>
                    set({ fadeOutS: Math.min(MONTAGE_LIMITS.fadeOutMaxS, Math.max(0, Number(e.target.value) || 0)) })
                  }
                />
              </label>
            </div>
          ) : null}
        </fieldset>
        {error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="primary"
            disabled={create.isPending || soundtrack.kind === 'uploading' || !draft.clips.length}
          >
            {create.isPending ? (
              <>
                <Spinner /> Starting…
              </>
            ) : (
              `Make montage · ${draft.clips.length} ${draft.clips.length === 1 ? 'clip' : 'clips'} · no credits`
            )}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
