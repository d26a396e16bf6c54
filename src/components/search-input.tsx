import type { InputHTMLAttributes, Ref } from 'react';
import { Icon } from './icons';

export interface SearchInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  ref?: Ref<HTMLInputElement>;
  /** Classes of the wrapper (its width); the input fills it. */
  wrapperClassName?: string;
}

/** A search field with its magnifier; the label stays the caller's, so each field says what it searches. */
export function SearchInput({ ref, wrapperClassName = '', className = '', ...input }: SearchInputProps) {
  return (
    <div className={`relative ${wrapperClassName}`}>
      <span className="pointer-events-none absolute inset-y-0 left-2.5 flex items-center text-slate-500 dark:text-slate-400">
        <Icon name="search" />
      </span>
      <input
        ref={ref}
        type="search"
        className={`h-9 w-full rounded-lg border border-slate-300 bg-white pl-8 text-sm placeholder:text-slate-500 focus:border-brand-500 focus:outline-2 focus:outline-brand-500 dark:border-slate-600 dark:bg-slate-900 dark:placeholder:text-slate-400 ${className}`}
        {...input}
      />
    </div>
  );
}
