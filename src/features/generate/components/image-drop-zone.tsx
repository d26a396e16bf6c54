import { useState, type ReactNode } from 'react';

export interface ImageDropZoneProps {
  onFile: (file: File) => void;
  onLink: (url: string) => void;
  children: ReactNode;
  invalid: boolean;
}

/** Accepts a dropped file, or a link dragged from another tab. */
export function ImageDropZone({ onFile, onLink, children, invalid }: ImageDropZoneProps) {
  const [over, setOver] = useState(false);
  const border = over
    ? 'border-brand-500 bg-brand-50 dark:bg-brand-950/40'
    : invalid
      ? 'border-red-400 dark:border-red-500'
      : 'border-slate-300 dark:border-slate-600';
  return (
    <div
      data-testid="image-drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer.files[0];
        if (file) return onFile(file);
        const link = event.dataTransfer.getData('text/uri-list').split('\n')[0]?.trim();
        if (link) onLink(link);
      }}
      className={`relative rounded-xl border-2 border-dashed transition-colors ${border}`}
    >
      {children}
    </div>
  );
}
