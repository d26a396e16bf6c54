import { useId, type TextareaHTMLAttributes } from 'react';
import { PROMPT_MAX_CHARS } from '@/shared/limits';

export interface PromptFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  length: number;
  error?: string;
  ref?: React.Ref<HTMLTextAreaElement>;
}

/** The prompt with a counter against MiniMax's limit; the counter turns red past it. */
export function PromptField({ length, error, ref, ...textarea }: PromptFieldProps) {
  const id = useId();
  const over = length > PROMPT_MAX_CHARS;
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-semibold">
          Prompt
        </label>
        <span
          id={`${id}-count`}
          className={`text-xs tabular-nums ${over ? 'font-semibold text-red-700 dark:text-red-400' : 'text-slate-600 dark:text-slate-400'}`}
        >
          {length.toLocaleString('en-US')} / {PROMPT_MAX_CHARS.toLocaleString('en-US')}
        </span>
      </div>
      <textarea
        id={id}
        ref={ref}
        rows={4}
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-count${error ? ` ${id}-error` : ''}`}
        placeholder="Describe the motion: camera move, what moves in the scene, light, mood…"
        className={`w-full resize-y rounded-lg border bg-white px-3 py-2 text-sm placeholder:text-slate-500 focus:outline-2 focus:outline-brand-500 dark:bg-slate-900 dark:placeholder:text-slate-400 ${
          error ? 'border-red-400 dark:border-red-500' : 'border-slate-300 focus:border-brand-500 dark:border-slate-600'
        }`}
        {...textarea}
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
