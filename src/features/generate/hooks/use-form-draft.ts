import { useCallback, useEffect, useRef } from 'react';
import type { GenerationForm } from '@/shared/contract';
import { draftOf, writeDraft, type FormDraft } from '@/features/generate/lib/form-draft';
import type { ImageSourceState } from './use-image-source';

/**
 * Keeps the form's draft as it changes (`kept` is the one read when the form opened). After
 * a video is started, `clear()` forgets it: a reload then opens an empty form, and the values
 * still on screen are not written back until they change.
 */
export function useFormDraft(
  kept: FormDraft | null,
  values: GenerationForm,
  image: ImageSourceState,
  defaults: GenerationForm,
) {
  const written = useRef<string | null>(kept ? JSON.stringify(kept) : null);
  const current = draftOf(values, image, defaults);
  const serialized = current ? JSON.stringify(current) : null;
  // The image of a kept draft comes back a render after its values: keep it stored meanwhile.
  const restoring = useRef(Boolean(kept?.image));
  const imageReady = image.kind === 'ready';

  useEffect(() => {
    if (restoring.current && !imageReady) return;
    restoring.current = false;
    if (serialized === written.current) return;
    written.current = serialized;
    writeDraft(current);
  }, [serialized, imageReady]); // eslint-disable-line react-hooks/exhaustive-deps -- `current` is what `serialized` says

  const clear = useCallback(() => {
    written.current = serialized;
    writeDraft(null);
  }, [serialized]);

  return { clear };
}
