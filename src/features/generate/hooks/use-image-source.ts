/**
 * The reference image as one small state machine: a picked, dropped or pasted file is checked
 * and uploaded at once; a link is checked by the server; a re-run reuses a known URL. The form
 * only learns the final URL (or null) through `onUrlChange`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '@/lib/api-client';
import { imageUrlSchema } from '@/shared/contract';
import { getSampleImage } from '@/features/generate/api/get-sample-image';
import { inspectImage } from '@/features/generate/api/inspect-image';
import { uploadImage } from '@/lib/api/upload-image';
import { precheckImage } from '@/lib/precheck-image';

export type ImageOrigin = 'upload' | 'link' | 'previous';

export type ImageSourceState =
  | { kind: 'empty' }
  | { kind: 'preparing'; what: string }
  | { kind: 'uploading'; name: string; bytes: number; previewUrl: string; progress: number }
  | { kind: 'checking'; url: string }
  | {
      kind: 'ready';
      origin: ImageOrigin;
      url: string;
      previewUrl: string;
      name: string;
      bytes: number | null;
      width: number | null;
      height: number | null;
    }
  | { kind: 'error'; message: string };

/** What a ready image was, kept with a form's draft so a reload shows it as it was. */
export type KnownImage = Pick<
  Extract<ImageSourceState, { kind: 'ready' }>,
  'origin' | 'name' | 'bytes' | 'width' | 'height'
>;

export interface ImageSource {
  state: ImageSourceState;
  pickFile: (file: File) => void;
  takeLink: (url: string) => void;
  takeSample: () => void;
  /** An image already on the server (an earlier video's, or a kept draft's with what was known of it). */
  takePrevious: (url: string, known?: KnownImage) => void;
  clear: () => void;
}

/* The server may answer with a path; the generation API wants an absolute http(s) URL. */
function absoluteUrl(url: string): string {
  return new URL(url, window.location.origin).href;
}

function messageOf(error: unknown, fallback: string): string {
  return error instanceof ApiError || error instanceof Error ? error.message || fallback : fallback;
}

export function useImageSource(onUrlChange: (url: string | null) => void): ImageSource {
  const [state, setState] = useState<ImageSourceState>({ kind: 'empty' });
  const operation = useRef<AbortController | null>(null);
  const objectUrl = useRef<string | null>(null);
  const notify = useRef(onUrlChange);
  useEffect(() => {
    notify.current = onUrlChange;
  }, [onUrlChange]);

  /** Cancels whatever was in flight and frees the last preview; returns the new operation's signal. */
  const begin = useCallback((): AbortSignal => {
    operation.current?.abort();
    operation.current = new AbortController();
    if (objectUrl.current) URL.revokeObjectURL(objectUrl.current);
    objectUrl.current = null;
    notify.current(null);
    return operation.current.signal;
  }, []);

  useEffect(
    () => () => {
      operation.current?.abort();
      if (objectUrl.current) URL.revokeObjectURL(objectUrl.current);
    },
    [],
  );

  const fail = useCallback((signal: AbortSignal, message: string) => {
    if (!signal.aborted) setState({ kind: 'error', message });
  }, []);

  const uploadFile = useCallback(
    async (file: File, signal: AbortSignal) => {
      setState({ kind: 'preparing', what: `Checking “${file.name}”…` });
      const problem = await precheckImage(file);
      if (signal.aborted) return;
      if (problem) return fail(signal, problem);

      const previewUrl = URL.createObjectURL(file);
      objectUrl.current = previewUrl;
      const base = { name: file.name, bytes: file.size, previewUrl };
      setState({ kind: 'uploading', ...base, progress: 0 });
      try {
        const upload = await uploadImage({
          file,
          signal,
          onProgress: (progress) => !signal.aborted && setState({ kind: 'uploading', ...base, progress }),
        });
        if (signal.aborted) return;
        const url = absoluteUrl(upload.url);
        setState({ kind: 'ready', origin: 'upload', url, ...base, width: upload.width, height: upload.height });
        notify.current(url);
      } catch (error) {
        fail(signal, messageOf(error, 'The upload failed. Try again.'));
      }
    },
    [fail],
  );

  const pickFile = useCallback((file: File) => void uploadFile(file, begin()), [begin, uploadFile]);

  const takeSample = useCallback(() => {
    const signal = begin();
    setState({ kind: 'preparing', what: 'Loading the sample image…' });
    getSampleImage(signal).then(
      (file) => uploadFile(file, signal),
      (error: unknown) => fail(signal, messageOf(error, 'The sample image could not be loaded.')),
    );
  }, [begin, fail, uploadFile]);

  const takeLink = useCallback(
    (raw: string) => {
      const signal = begin();
      const parsed = imageUrlSchema.safeParse(raw);
      if (!parsed.success) return fail(signal, parsed.error.issues[0]?.message ?? 'That is not a link to an image.');
      const url = parsed.data;
      setState({ kind: 'checking', url });
      inspectImage(url, signal).then(
        (info) => {
          if (signal.aborted) return;
          const name = new URL(url).pathname.split('/').pop() || url;
          setState({
            kind: 'ready',
            origin: 'link',
            url,
            previewUrl: url,
            name,
            bytes: info.bytes,
            width: info.width,
            height: info.height,
          });
          notify.current(url);
        },
        (error: unknown) => fail(signal, messageOf(error, 'The link could not be checked. Try again.')),
      );
    },
    [begin, fail],
  );

  const takePrevious = useCallback(
    (url: string, known?: KnownImage) => {
      begin();
      const name = new URL(url, window.location.origin).pathname.split('/').pop() || 'previous image';
      setState({
        kind: 'ready',
        origin: 'previous',
        url,
        previewUrl: url,
        name,
        bytes: null,
        width: null,
        height: null,
        ...known,
      });
      notify.current(url);
    },
    [begin],
  );

  const clear = useCallback(() => {
    begin();
    setState({ kind: 'empty' });
  }, [begin]);

  return { state, pickFile, takeLink, takeSample, takePrevious, clear };
}
