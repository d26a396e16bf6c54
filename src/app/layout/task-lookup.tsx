import { useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { SearchInput } from '@/components/search-input';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Our task id or the upstream's: the inspector resolves either. "/" jumps here from anywhere. */
export function TaskLookup() {
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const [, navigate] = useLocation();
  const id = useId();

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target)) {
        event.preventDefault();
        input.current?.focus();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        const taskId = value.trim();
        if (!taskId) return input.current?.focus();
        navigate(`/tasks/${encodeURIComponent(taskId)}`);
        setValue('');
        input.current?.blur();
      }}
      className="relative"
    >
      <label htmlFor={id} className="sr-only">
        Find a task by its id or the upstream id
      </label>
      <SearchInput
        ref={input}
        id={id}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        placeholder="Find a task by id"
        aria-keyshortcuts="/"
        autoComplete="off"
        spellCheck={false}
        className="pr-9 dark:border-slate-700"
      />
      <kbd
        aria-hidden="true"
        data-testid="keyboard-hint"
        className="pointer-events-none absolute pointer-coarse:hidden inset-y-0 right-2 my-auto h-5 rounded border border-slate-300 px-1.5 text-xs leading-5 text-slate-500 dark:border-slate-600 dark:text-slate-400"
      >
        /
      </kbd>
    </form>
  );
}
