import { Link } from 'wouter';
import { Button, buttonClasses } from '@/components/button';
import { Icon } from '@/components/icons';
import { useAskCreatorForm } from '@/lib/creator-form-links';
import type { Task } from '@/shared/contract';
import { useCopyLink } from '@/features/gallery/hooks/use-copy-link';

/** It does not run anything: it fills the form with the video's image, prompt and options. */
export const REUSE_LABEL = 'Reuse settings';

export interface TaskActionsProps {
  task: Task;
  onWatch: () => void;
}

/** What a person does with a video: watch it large, download it, or start a new one from its settings. */
export function TaskActions({ task, onWatch }: TaskActionsProps) {
  const { rerun } = useAskCreatorForm();
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
