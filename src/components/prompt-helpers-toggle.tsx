import { lazy, Suspense, useId, useState } from 'react';
import { Icon } from './icons';
import type { PromptHelpersProps } from './prompt-helpers';
import { PromptHelpersNotes } from './prompt-helpers-notes';

/* The phrases and presets load when first opened: the first page load stays as small as it was. */
const PromptHelpers = lazy(async () => ({ default: (await import('./prompt-helpers')).PromptHelpers }));

/**
 * "Camera moves & presets" under a prompt: opens the helpers that insert a phrase at the cursor,
 * and says when a bracket in `prompt` is not a camera command.
 */
export function PromptHelpersToggle({
  defaultOpen = false,
  prompt,
  ...helpers
}: PromptHelpersProps & { defaultOpen?: boolean; prompt: string }) {
  const [open, setOpen] = useState(defaultOpen);
  const panelId = useId();
  return (
    <div className="flex flex-col gap-2">
      <PromptHelpersNotes prompt={prompt} />
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((shown) => !shown)}
        className="flex h-7 items-center gap-1.5 self-start rounded-lg px-1 text-xs font-medium text-brand-700 hover:text-brand-800 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-brand-300 dark:hover:text-brand-200"
      >
        <Icon name="sparkle" className="size-3.5" /> Camera moves &amp; product presets
      </button>
      {open ? (
        <div id={panelId}>
          <Suspense fallback={null}>
            <PromptHelpers {...helpers} />
          </Suspense>
        </div>
      ) : null}
    </div>
  );
}
