import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { MODE_LABELS } from '@/lib/mode-labels';
import type { Task } from '@/shared/contract';
import { DateTime } from './date-time';

const ENGINE_LABELS: Record<Task['engine'], string> = {
  local: 'Local preview engine (simulated)',
  apiinone: 'API in One',
};

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5 py-2 sm:grid-cols-[9rem_minmax(0,1fr)] sm:gap-3">
      <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="min-w-0 text-sm break-words">{children}</dd>
    </div>
  );
}

const LINK =
  'break-all text-brand-700 underline underline-offset-2 hover:text-brand-800 dark:text-brand-300 dark:hover:text-brand-200';
const NONE = <span className="text-slate-600 dark:text-slate-400">none</span>;

/** Everything the task was asked to do, as it was asked. */
export function TaskParameters({ task }: { task: Task }) {
  return (
    <dl className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="task-parameters">
      <Row term="Model">
        <code className="font-mono text-[0.8125rem]">{task.model}</code>
      </Row>
      <Row term="Mode">{MODE_LABELS[task.mode]}</Row>
      <Row term="Duration">{task.duration} s</Row>
      <Row term="Resolution">{task.resolution}</Row>
      <Row term="Prompt">
        <p className="whitespace-pre-wrap" data-testid="task-prompt">
          {task.prompt}
        </p>
      </Row>
      <Row term="Photo name">
        {task.image_name ? <span data-testid="inspector-photo-name">{task.image_name}</span> : NONE}
      </Row>
      <Row term="Image">
        <a href={task.image} target="_blank" rel="noreferrer" className="group flex flex-col gap-1.5">
          <img
            src={task.image}
            alt="The reference image"
            loading="lazy"
            className="max-h-40 w-auto max-w-full self-start rounded-lg object-contain ring-1 ring-slate-200 dark:ring-slate-700"
          />
          <span className={LINK}>{task.image}</span>
        </a>
      </Row>
      <Row term="Callback URL">{task.callback_url ? <span className="break-all">{task.callback_url}</span> : NONE}</Row>
      <Row term="Engine">{ENGINE_LABELS[task.engine]}</Row>
      <Row term="Batch">
        {task.batch_id ? (
          <Link
            to={`/tasks?batch=${encodeURIComponent(task.batch_id)}`}
            className={LINK}
            title="List this batch’s tasks"
          >
            <code className="font-mono text-[0.8125rem]">{task.batch_id}</code>
          </Link>
        ) : (
          NONE
        )}
      </Row>
      <Row term="Created">
        <DateTime iso={task.created_at} />
      </Row>
      <Row term="Last update">
        <DateTime iso={task.updated_at} />
      </Row>
      <Row term="Finished">{task.finished_at ? <DateTime iso={task.finished_at} /> : 'not yet'}</Row>
    </dl>
  );
}
