import type { RefObject } from 'react';
import { insertPhrase } from '@/lib/insert-phrase';
import { CAMERA_MOVES, PRODUCT_PRESETS } from '@/lib/prompt-phrases';

export interface PromptHelpersProps {
  /** The prompt's textarea: the phrase goes where its cursor is. */
  textarea: RefObject<HTMLTextAreaElement | null>;
  onChange: (text: string) => void;
}

const CHIP =
  'h-7 rounded-full border border-slate-300 bg-white px-2.5 text-xs font-medium text-slate-700 hover:border-brand-500 hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200 dark:hover:border-brand-400 dark:hover:text-brand-300';

/** Camera moves and product-shot presets, inserted at the cursor of the prompt. */
export function PromptHelpers({ textarea, onChange }: PromptHelpersProps) {
  const insert = (phrase: string) => {
    const element = textarea.current;
    if (!element) return;
    const { text, caret } = insertPhrase(element.value, element.selectionStart, element.selectionEnd, phrase);
    onChange(text);
    // After the new text is in the field: back to typing, right after the phrase.
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(caret, caret);
    });
  };

  return (
    <div className="flex flex-col gap-2" data-testid="prompt-helpers">
      <div role="group" aria-label="Camera moves" className="flex flex-wrap items-center gap-1.5">
        <span className="mr-0.5 text-xs font-medium text-slate-600 dark:text-slate-400" aria-hidden="true">
          Camera
        </span>
        {CAMERA_MOVES.map((move) => (
          <button
            key={move.label}
            type="button"
            className={CHIP}
            title={`Insert “${move.text}” at the cursor`}
            onClick={() => insert(move.text)}
          >
            {move.label}
          </button>
        ))}
      </div>
      <select
        aria-label="Insert a product-shot preset"
        value=""
        onChange={(event) => {
          const preset = PRODUCT_PRESETS.find((p) => p.label === event.target.value);
          if (preset) insert(preset.text);
        }}
        className="h-8 w-fit rounded-lg border border-slate-300 bg-white px-2 text-xs text-slate-700 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200"
      >
        <option value="">Product-shot presets…</option>
        {PRODUCT_PRESETS.map((preset) => (
          <option key={preset.label} value={preset.label}>
            {preset.label}
          </option>
        ))}
      </select>
    </div>
  );
}
