import { useId } from 'react';
import { Button } from '@/components/button';
import type { Task } from '@/shared/contract';
import { curlCommand } from '@/features/tasks/lib/curl-command';
import { useCopyText } from '@/features/tasks/hooks/use-copy-text';

/**
 * Copies the request that created this task as a curl command against this server, with the
 * key as a `$APIINONE_API_KEY` placeholder. If the clipboard refuses, the command appears in
 * a text area, selected, to copy by hand.
 */
export function CopyCurlButton({ task }: { task: Task }) {
  const { state, copy, reset } = useCopyText();
  const fallbackId = useId();
  const command = curlCommand(task, window.location.origin);

  return (
    <div className="contents">
      <Button size="sm" onClick={() => void copy(command)} data-testid="copy-curl">
        Copy as curl
      </Button>
      <span role="status" className="text-sm font-medium text-emerald-700 dark:text-emerald-300">
        {state === 'copied' ? 'Copied' : ''}
      </span>
      {state === 'failed' ? (
        <div className="flex w-full basis-full flex-col gap-1.5" data-testid="curl-fallback">
          <label htmlFor={fallbackId} className="text-sm font-medium">
            The browser did not allow copying. Select the command and copy it yourself:
          </label>
          <textarea
            id={fallbackId}
            ref={(node) => node?.select()}
            readOnly
            rows={9}
            value={command}
            className="w-full rounded-lg border border-slate-300 bg-slate-50 p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-950"
          />
          <Button size="sm" variant="ghost" className="self-start" onClick={reset}>
            Hide
          </Button>
        </div>
      ) : null}
    </div>
  );
}
