import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Icon } from '../../components/icons';

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
  const navigate = useNavigate();
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
        void navigate(`/tasks/${encodeURIComponent(taskId)}`);
        setValue('');
        input.current?.blur();
      }}
      className="relative"
    >
      <label htmlFor={id} className="sr-only">
        Find a task by its id or the upstream id
      </label>
      <span className="pointer-events-none absolute inset-y-0 left-2.5 flex items-center text-slate-500 dark:text-slate-400">
        <Icon name="search" />
      </span>
      <input
        ref={input}
        id={id}
        type="search"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        placeholder="Find a task by id"
        aria-keyshortcuts="/"
        autoComplete="off"
        spellCheck={false}
        className="h-9 w-full rounded-lg border border-slate-300 bg-white pr-9 pl-8 text-sm placeholder:text-slate-500 focus:border-brand-500 focus:outline-2 focus:outline-brand-500/40 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400"
      />
      <kbd
        aria-hidden="true"
        className="pointer-events-none absolute inset-y-0 right-2 my-auto h-5 rounded border border-slate-300 px-1.5 text-xs leading-5 text-slate-500 dark:border-slate-600 dark:text-slate-400"
      >
        /
      </kbd>
    </form>
  );
}
