import { useRef, useState } from 'react';
import { Button } from '@/components/button';
import { ACCEPTED_IMAGE_NAMES, ACCEPTED_IMAGE_TYPES } from '@/lib/check-image';
import { BATCH_MAX_IMAGES } from '@/shared/limits';

export interface BatchDropZoneProps {
  onFiles: (files: File[]) => void;
  count: number;
}

/** Many photos at once: dropped, or picked with the file chooser (several can be selected). */
export function BatchDropZone({ onFiles, count }: BatchDropZoneProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const full = count >= BATCH_MAX_IMAGES;
  return (
    <div
      data-testid="batch-drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = full ? 'none' : 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        onFiles([...event.dataTransfer.files]);
      }}
      className={`flex flex-col items-center gap-2 rounded-xl border-2 border-dashed px-4 py-5 text-center transition-colors ${
        over ? 'border-brand-500 bg-brand-50 dark:bg-brand-950/40' : 'border-slate-300 dark:border-slate-600'
      }`}
    >
      <p className="text-sm font-medium">Drop product photos here</p>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {ACCEPTED_IMAGE_NAMES}, up to {BATCH_MAX_IMAGES} at once · {count} of {BATCH_MAX_IMAGES} added
      </p>
      <Button size="sm" onClick={() => input.current?.click()} disabled={full}>
        Choose images
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPTED_IMAGE_TYPES}
        tabIndex={-1}
        aria-hidden="true"
        className="hidden"
        onChange={(event) => {
          onFiles([...(event.target.files ?? [])]);
          event.target.value = '';
        }}
      />
    </div>
  );
}
