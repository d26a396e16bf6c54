import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ToastContext, type Toast, type ToastInput } from './toast-context';

/* Errors stay longer: the reader may need to act on them. So does a toast with an action (Undo). */
const LIFETIME_MS: Record<Toast['kind'], number> = { success: 5000, info: 5000, error: 9000 };
const ACTION_LIFETIME_MS = 8000;
const MAX_VISIBLE = 4;

const TONES: Record<Toast['kind'], string> = {
  success: 'border-emerald-300 dark:border-emerald-700',
  info: 'border-slate-300 dark:border-slate-600',
  error: 'border-red-300 dark:border-red-700',
};

const ICONS: Record<Toast['kind'], string> = { success: '✓', info: 'i', error: '!' };
const ICON_TONES: Record<Toast['kind'], string> = {
  success: 'bg-emerald-600',
  info: 'bg-slate-600',
  error: 'bg-red-600',
};

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const show = useCallback((input: ToastInput) => {
    const id = nextId.current++;
    setToasts((list) => [...list.slice(-(MAX_VISIBLE - 1)), { ...input, id }]);
  }, []);

  return (
    <ToastContext.Provider value={show}>
      {children}
      {/* Always mounted, so screen readers hear a toast the moment it is added. */}
      <div
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-3 sm:items-end sm:p-5"
      >
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const lifetime = toast.action ? ACTION_LIFETIME_MS : LIFETIME_MS[toast.kind];
    const timer = window.setTimeout(() => onDismiss(toast.id), lifetime);
    return () => window.clearTimeout(timer);
  }, [paused, toast.id, toast.kind, toast.action, onDismiss]);

  return (
    <div
      role={toast.kind === 'error' ? 'alert' : 'status'}
      data-kind={toast.kind}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      className={`pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-xl border bg-white p-3 shadow-lg dark:bg-slate-900 ${TONES[toast.kind]}`}
    >
      <span
        aria-hidden="true"
        className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold text-white ${ICON_TONES[toast.kind]}`}
      >
        {ICONS[toast.kind]}
      </span>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-semibold text-slate-900 dark:text-slate-100">{toast.title}</p>
        {toast.description ? (
          <p className="mt-0.5 text-sm break-words text-slate-700 dark:text-slate-300">{toast.description}</p>
        ) : null}
      </div>
      {toast.action ? (
        <button
          type="button"
          onClick={() => {
            toast.action!.onClick();
            onDismiss(toast.id);
          }}
          className="shrink-0 rounded-md px-2 py-0.5 text-sm font-semibold text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-brand-300 dark:hover:bg-slate-800"
        >
          {toast.action.label}
        </button>
      ) : null}
      <button
        type="button"
        onClick={() => onDismiss(toast.id)}
        aria-label="Dismiss notification"
        className="rounded p-0.5 text-slate-500 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-slate-400 dark:hover:text-slate-100"
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
