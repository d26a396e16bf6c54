/**
 * The batch's images: each picked file is checked as the server will check it, then uploaded
 * at once — two at a time, so twenty photos neither queue behind one slow upload nor flood a
 * slow uplink — with its own progress. The form only reads the list.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { uploadImage } from '@/lib/api/upload-image';
import { precheckImage } from '@/lib/precheck-image';
import { BATCH_MAX_IMAGES } from '@/shared/limits';

const PARALLEL_UPLOADS = 2;

export type BatchImageState =
  | { kind: 'checking' }
  | { kind: 'waiting' }
  | { kind: 'uploading'; progress: number }
  | { kind: 'ready'; url: string; width: number; height: number }
  | { kind: 'error'; message: string };

export interface BatchImage {
  id: string;
  name: string;
  bytes: number;
  previewUrl: string;
  state: BatchImageState;
}

export interface BatchImages {
  images: BatchImage[];
  /** Adds files up to the batch's limit; returns how many did not fit. */
  add: (files: readonly File[]) => number;
  remove: (id: string) => void;
  clear: () => void;
}

export function useBatchImages(): BatchImages {
  const [images, setImages] = useState<BatchImage[]>([]);
  const files = useRef(new Map<string, File>());
  const uploads = useRef(new Map<string, AbortController>());
  const count = useRef(0);

  const update = useCallback((id: string, state: BatchImageState) => {
    setImages((list) => list.map((image) => (image.id === id ? { ...image, state } : image)));
  }, []);

  const forget = useCallback((image: BatchImage) => {
    uploads.current.get(image.id)?.abort();
    uploads.current.delete(image.id);
    files.current.delete(image.id);
    URL.revokeObjectURL(image.previewUrl);
  }, []);

  const add = useCallback(
    (picked: readonly File[]) => {
      const room = Math.max(0, BATCH_MAX_IMAGES - files.current.size);
      const taken = picked.slice(0, room).map((file): BatchImage => {
        const id = `img-${++count.current}`;
        files.current.set(id, file);
        return {
          id,
          name: file.name,
          bytes: file.size,
          previewUrl: URL.createObjectURL(file),
          state: { kind: 'checking' },
        };
      });
      setImages((list) => [...list, ...taken]);
      for (const image of taken) {
        void precheckImage(files.current.get(image.id)!).then((problem) => {
          if (!files.current.has(image.id)) return;
          update(image.id, problem ? { kind: 'error', message: problem } : { kind: 'waiting' });
        });
      }
      return picked.length - taken.length;
    },
    [update],
  );

  // Starts the next uploads whenever a slot is free.
  useEffect(() => {
    const active = images.filter((image) => image.state.kind === 'uploading').length;
    const next = images.filter((image) => image.state.kind === 'waiting').slice(0, PARALLEL_UPLOADS - active);
    for (const image of next) {
      const file = files.current.get(image.id);
      if (!file) continue;
      const controller = new AbortController();
      uploads.current.set(image.id, controller);
      update(image.id, { kind: 'uploading', progress: 0 });
      uploadImage({
        file,
        signal: controller.signal,
        onProgress: (progress) => !controller.signal.aborted && update(image.id, { kind: 'uploading', progress }),
      }).then(
        (upload) => {
          if (controller.signal.aborted) return;
          // The server may answer with a path; the API wants an absolute http(s) link.
          const url = new URL(upload.url, window.location.origin).href;
          update(image.id, { kind: 'ready', url, width: upload.width, height: upload.height });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          update(image.id, { kind: 'error', message: error instanceof Error ? error.message : 'The upload failed.' });
        },
      );
    }
  }, [images, update]);

  const remove = useCallback(
    (id: string) => {
      setImages((list) => {
        const image = list.find((i) => i.id === id);
        if (image) forget(image);
        return list.filter((i) => i.id !== id);
      });
    },
    [forget],
  );

  const clear = useCallback(() => {
    setImages((list) => {
      list.forEach(forget);
      return [];
    });
  }, [forget]);

  // Leaving the page stops the uploads and frees the previews.
  const latest = useRef(images);
  useEffect(() => {
    latest.current = images;
  }, [images]);
  useEffect(() => () => latest.current.forEach(forget), [forget]);

  return { images, add, remove, clear };
}
