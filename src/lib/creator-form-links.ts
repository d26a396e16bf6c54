/**
 * Addresses that ask the creator page to fill its one-video form: `/?rerun=<taskId>` (an earlier
 * video's settings) and `/?sample=1` (the sample product photo). Whoever asks — the inspector's
 * Re-run link, a gallery card, the first-run offer, a pasted address — the page answers in one
 * place (app/routes/use-form-fill-from-url.ts), so every re-run behaves the same.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'wouter';

export const RERUN_PARAM = 'rerun';
export const SAMPLE_PARAM = 'sample';

/** From another page: the creator page, asked to re-run this task. */
export function rerunPath(taskId: string): string {
  return `/?${RERUN_PARAM}=${encodeURIComponent(taskId)}`;
}

/**
 * On the creator page itself: ask in its address, keeping the gallery's filters there. Replace,
 * not push: the page takes the request out of the address at once, and the back button should
 * not step through it.
 */
export function useAskCreatorForm() {
  const [, setParams] = useSearchParams();
  const ask = useCallback(
    (param: string, value: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set(param, value);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return {
    rerun: useCallback((taskId: string) => ask(RERUN_PARAM, taskId), [ask]),
    trySample: useCallback(() => ask(SAMPLE_PARAM, '1'), [ask]),
  };
}
