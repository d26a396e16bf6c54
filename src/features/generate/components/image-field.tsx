import { useId, useRef } from 'react';
import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { formatBytes } from '@/lib/format-bytes';
import { useModifierKeyLabel } from '@/lib/shortcut-keys';
import { IMAGE_LIMITS } from '@/shared/limits';
import type { ImageSource } from '@/features/generate/hooks/use-image-source';
import { ACCEPTED_IMAGE_NAMES, ACCEPTED_IMAGE_TYPES } from '@/lib/check-image';
import { ImageDropZone } from './image-drop-zone';
import { ImageLinkInput } from './image-link-input';
import { ImagePreview } from './image-preview';

export interface ImageFieldProps {
  source: ImageSource;
  /** A message from the form or the server, shown when the source itself has none. */
  formError?: string;
}

const RULES = `${ACCEPTED_IMAGE_NAMES} · up to ${formatBytes(IMAGE_LIMITS.maxBytes)} · short side over ${IMAGE_LIMITS.shortSideAbove} px · between 2:5 and 5:2`;

export function ImageField({ source, formError }: ImageFieldProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const modifierKey = useModifierKeyLabel();
  const errorId = useId();
  const rulesId = useId();
  const { state } = source;
  const message = state.kind === 'error' ? state.message : formError;
  const openPicker = () => fileInput.current?.click();

  return (
    <fieldset className="flex min-w-0 flex-col gap-3">
      <legend className="mb-2 text-sm font-semibold">Reference image</legend>
      <input
        ref={fileInput}
        type="file"
        accept={ACCEPTED_IMAGE_TYPES}
        className="sr-only"
        tabIndex={-1}
        aria-label="Reference image file"
        aria-describedby={message ? errorId : rulesId}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) source.pickFile(file);
          event.target.value = ''; // picking the same file again must fire again
        }}
      />
      <ImageDropZone onFile={source.pickFile} onLink={source.takeLink} invalid={Boolean(message)}>
        {state.kind === 'uploading' || state.kind === 'ready' ? (
          <ImagePreview state={state} onReplace={openPicker} onRemove={source.clear} />
        ) : (
          <div className="flex min-h-36 flex-col items-center justify-center gap-2 p-4 text-center">
            {state.kind === 'preparing' || state.kind === 'checking' ? (
              <p className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300" role="status">
                <Spinner />
                {state.kind === 'checking' ? 'Checking the link…' : state.what}
              </p>
            ) : (
              <>
                <svg
                  viewBox="0 0 24 24"
                  className="size-8 text-slate-400"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.5"
                  aria-hidden="true"
                >
                  <path
                    strokeLinecap="round"
                    strokeLinejoin="round"
                    d="m2.25 15.75 5.16-5.16a2.25 2.25 0 0 1 3.18 0l5.16 5.16m-1.5-1.5 1.41-1.41a2.25 2.25 0 0 1 3.18 0l2.91 2.91M3.75 21h16.5A1.5 1.5 0 0 0 21.75 19.5V4.5A1.5 1.5 0 0 0 20.25 3H3.75A1.5 1.5 0 0 0 2.25 4.5v15A1.5 1.5 0 0 0 3.75 21Zm10.5-11.25h.008v.008h-.008V9.75Z"
                  />
                </svg>
                {/* A touch screen has no drop or paste shortcut to offer: it says what the field is for. */}
                <p
                  className="text-sm text-slate-700 pointer-coarse:hidden dark:text-slate-300"
                  data-testid="keyboard-hint"
                >
                  Drop an image here or paste it{' '}
                  <kbd className="rounded border whitespace-nowrap border-slate-300 px-1 text-xs dark:border-slate-600">
                    {modifierKey} V
                  </kbd>
                </p>
                <p className="hidden text-sm text-slate-700 pointer-coarse:block dark:text-slate-300">
                  The photo to bring to life
                </p>
                <Button variant="primary" size="sm" onClick={openPicker}>
                  Choose a file
                </Button>
                <p id={rulesId} className="text-xs text-slate-600 dark:text-slate-400">
                  {RULES}
                </p>
              </>
            )}
          </div>
        )}
      </ImageDropZone>
      {message ? (
        <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-400" data-testid="image-error">
          {message}
        </p>
      ) : null}
      <ImageLinkInput onLink={source.takeLink} busy={state.kind === 'checking'} />
    </fieldset>
  );
}
