/**
 * The framing chosen for a form: the frame, where the crop sits, and — at submit — the framed
 * photo uploaded in place of the original. The single form and the batch form both hold one.
 */
import { useCallback, useEffect, useState } from 'react';
import { CENTRED, cropProblem, cropRect, type CropPosition, type Framing } from '@/lib/framing/crop-rect';
import { uploadFramed } from '@/lib/framing/upload-framed';

export interface FramedPhoto {
  url: string;
  /** Where the browser can read the photo's pixels (an object URL or a same-origin link); null when it cannot. */
  pixelsUrl: string | null;
  name: string;
  width: number;
  height: number;
}

export interface FramingState {
  framing: Framing;
  position: CropPosition;
  setFraming: (framing: Framing) => void;
  setPosition: (position: CropPosition) => void;
  /** Set while framed photos are uploaded, or when that failed. */
  status: { kind: 'idle' } | { kind: 'uploading' } | { kind: 'error'; message: string };
  /**
   * The URLs to submit: each photo framed and uploaded, or as it was with "as the photo". Null
   * when a photo cannot be framed (the reason is in `status`).
   */
  apply: (photos: readonly FramedPhoto[], position?: CropPosition) => Promise<string[] | null>;
}

export function useFraming(): FramingState {
  const [framing, setFramingState] = useState<Framing>('photo');
  const [position, setPosition] = useState<CropPosition>(CENTRED);
  const [status, setStatus] = useState<FramingState['status']>({ kind: 'idle' });

  const setFraming = useCallback((next: Framing) => {
    setFramingState(next);
    setPosition(CENTRED);
    setStatus({ kind: 'idle' });
  }, []);

  const apply = useCallback(
    async (photos: readonly FramedPhoto[], at: CropPosition = position) => {
      if (framing === 'photo') return photos.map((photo) => photo.url);
      for (const photo of photos) {
        const problem = cropProblem(cropRect(photo.width, photo.height, framing, at), framing);
        if (problem || !photo.pixelsUrl) {
          setStatus({
            kind: 'error',
            message: problem ?? 'A linked photo cannot be framed here: upload the file instead.',
          });
          return null;
        }
      }
      setStatus({ kind: 'uploading' });
      try {
        const urls = [];
        for (const photo of photos)
          urls.push(
            await uploadFramed(photo.pixelsUrl!, cropRect(photo.width, photo.height, framing, at)!, photo.name),
          );
        setStatus({ kind: 'idle' });
        return urls;
      } catch (error) {
        setStatus({
          kind: 'error',
          message: `The framed photo could not be uploaded: ${error instanceof Error ? error.message : 'try again.'}`,
        });
        return null;
      }
    },
    [framing, position],
  );

  return { framing, position, setFraming, setPosition, status, apply };
}

/** The photo as the framing sees it, from what the form knows; the size is read from the pixels when the form does not know it. */
export function useFramedPhoto(
  photo: {
    url: string;
    previewUrl: string;
    name: string;
    width: number | null;
    height: number | null;
    linked: boolean;
  } | null,
): FramedPhoto | null {
  const [measured, setMeasured] = useState<{ src: string; width: number; height: number } | null>(null);
  const src = photo?.previewUrl ?? null;
  const knownWidth = photo?.width ?? 0;
  const knownHeight = photo?.height ?? 0;
  const known = knownWidth && knownHeight ? { width: knownWidth, height: knownHeight } : null;
  const measure = !known;
  useEffect(() => {
    if (!src || !measure) return;
    const img = new Image();
    img.onload = () => setMeasured({ src, width: img.naturalWidth, height: img.naturalHeight });
    img.src = src;
    return () => {
      img.onload = null;
    };
  }, [src, measure]);
  if (!photo || !src) return null;
  const size = known ?? (measured?.src === src ? measured : null);
  if (!size) return null;
  const readable =
    !photo.linked &&
    (src.startsWith('blob:') || new URL(src, window.location.origin).origin === window.location.origin);
  return { url: photo.url, pixelsUrl: readable ? src : null, name: photo.name, width: size.width, height: size.height };
}
