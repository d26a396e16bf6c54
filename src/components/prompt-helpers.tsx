import type { RefObject } from 'react';
import { insertPhrase } from '@/lib/insert-phrase';
import { PRODUCT_PRESETS } from '@/lib/prompt-phrases';
import { PromptHelpersCamera, type EditPrompt } from './prompt-helpers-camera';

export interface PromptHelpersProps {
  /** The prompt's textarea: the phrase goes where its cursor is. */
  textarea: RefObject<HTMLTextAreaElement | null>;
  onChange: (text: string) => void;
}

/** Camera moves and product-shot presets, inserted at the cursor of the prompt. */
export function PromptHelpers({ textarea, onChange }: PromptHelpersProps) {
  const edit: EditPrompt = (change) => {
    const element = textarea.current;
    if (!element) return null;
    const result = change(element.value, element.selectionStart, element.selectionEnd);
    if (result.text === undefined) return result;
    const { text, caret } = result;
    onChange(text);
    // After the new text is in the field: back to typing, right after the phrase.
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(caret, caret);
    });
    return result;
  };

  return (
    <div className="flex flex-col gap-3" data-testid="prompt-helpers">
      <PromptHelpersCamera edit={edit} />
      <select
        aria-label="Insert a product-shot preset"
        value=""
        onChange={(event) => {
          const preset = PRODUCT_PRESETS.find((p) => p.label === event.target.value);
          if (preset) edit((text, start, end) => insertPhrase(text, start, end, preset.text));
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
