import { Link } from 'wouter';
import { Button, buttonClasses } from '@/components/button';
import { Icon } from '@/components/icons';
import { CancelTaskButton } from '@/components/cancel-task-button';
import { useAskCreatorForm } from '@/lib/creator-form-links';
import type { Task } from '@/shared/contract';
import { isFinalStatus } from '@/shared/status';
import { useHideTask } from '@/features/gallery/api/hide-task';
import { useCopyLink } from '@/features/gallery/hooks/use-copy-link';

/** It does not run anything: it fills the form with the video's image, prompt and options. */
export const REUSE_LABEL = 'Reuse settings';

export interface TaskActionsProps {
  task: Task;
  onWatch: () => void;
}

/** What a person does with a video: watch it large, download it, start a new one from its settings, cancel or hide it. */
export function TaskActions({ task, onWatch }: TaskActionsProps) {
  const { rerun } = useAskCreatorForm();
  const hide = useHideTask();
  const result = task.status === 'succeeded' ? task.result : null;
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {result ? (
        <>
          <Button size="sm" variant="secondary" onClick={onWatch}>
            <Icon name="play" /> Watch
          </Button>
          <a href={result.download_url} download className={buttonClasses('secondary', 'sm')}>
            <Icon name="download" /> Download
          </a>
        </>
      ) : null}
      {/* Asks through the address, as the inspector's link does, keeping the gallery's filters there. */}
      <Button
        size="sm"
        variant="ghost"
        onClick={() => rerun(task.task_id)}
        title="Fill the form with this video's image, prompt and options"
      >
        <Icon name="rerun" /> {REUSE_LABEL}
      </Button>
      {isFinalStatus(task.status) ? (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => hide.mutate(task)}
          disabled={hide.isPending}
          title="Hide from the gallery (with Undo); its charge and file are kept"
          data-testid="hide-task"
        >
          <Icon name="hide" /> Hide
        </Button>
      ) : (
        <CancelTaskButton task={task} />
      )}
    </div>
  );
}

/** Small icon links beside the status: share the video's address, or open the task's full story. */
export function TaskQuickLinks({ task }: { task: Task }) {
  const copyLink = useCopyLink();
  const result = task.status === 'succeeded' ? task.result : null;
  return (
    <span className="flex items-center">
      {result ? (
        <Button
          size="sm"
          variant="ghost"
          className="px-1.5!"
          onClick={() => void copyLink(result.video_url)}
          aria-label="Copy link to the video"
          title="Copy link"
        >
          <Icon name="link" />
        </Button>
      ) : null}
      <Link
        to={`/tasks/${encodeURIComponent(task.task_id)}`}
        className={buttonClasses('ghost', 'sm', 'px-1.5!')}
        aria-label="Open task details"
        title="Task details"
      >
        <Icon name="details" />
      </Link>
    </span>
  );
}
