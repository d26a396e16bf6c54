import { createContext, useContext } from 'react';

export type ToastKind = 'success' | 'error' | 'info';

export interface ToastInput {
  kind: ToastKind;
  title: string;
  description?: string;
  /** One button in the toast (Undo); the toast closes when it is pressed. */
  action?: { label: string; onClick: () => void };
}

export interface Toast extends ToastInput {
  id: number;
}

export const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

/** Shows a toast: `const toast = useToast(); toast({ kind: 'success', title: 'Saved' })`. */
export function useToast(): (toast: ToastInput) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast needs a <ToastProvider> above it.');
  return show;
}
