import { useId, useState } from 'react';
import { Button } from '@/components/button';

/** "…or use a link": the server fetches and checks the image before anything is submitted. */
export function ImageLinkInput({ onLink, busy }: { onLink: (url: string) => void; busy: boolean }) {
  const [value, setValue] = useState('');
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600 dark:text-slate-400">
        Or use a link to an image
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          type="url"
          inputMode="url"
          placeholder="https://example.com/photo.jpg"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault(); // Enter checks the link; it must not submit the whole form
              if (value.trim()) onLink(value.trim());
            }
          }}
          className="h-9 min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 text-sm placeholder:text-slate-500 focus:border-brand-500 focus:outline-2 focus:outline-brand-500 dark:border-slate-600 dark:bg-slate-900 dark:placeholder:text-slate-400"
        />
        <Button size="sm" className="h-9" disabled={busy || !value.trim()} onClick={() => onLink(value.trim())}>
          Use link
        </Button>
      </div>
    </div>
  );
}
