import { StatusBadge } from '@/components/status-badge';
import type { Task } from '@/shared/contract';
import { AttentionBadge } from './attention-badge';
import { TaskLink } from './task-link';
import { TaskRowError } from './task-row-error';
import { taskRowValues } from './task-row-values';

const HEAD = 'px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400';
const CELL = 'px-3 py-2 align-top text-sm';
const NUMBER = `${CELL} text-right tabular-nums`;

/** Heading and whether its numbers align right, in the order of the cells below. */
const COLUMNS: readonly (readonly [string, boolean])[] = [
  ['Task', false],
  ['Status', false],
  ['Mode', false],
  ['Length', false],
  ['Res.', false],
  ['Price', true],
  ['Charged', true],
  ['Created', false],
  ['Prompt', false],
  ['Error', false],
];

/** The desktop list: one row per task, a real table so a screen reader can move by column. */
export function TaskTable({ tasks, now }: { tasks: readonly Task[]; now: number }) {
  return (
    <div className="hidden overflow-x-auto rounded-2xl bg-white ring-1 ring-slate-200 md:block dark:bg-slate-900 dark:ring-slate-800">
      <table className="w-full border-collapse" data-testid="task-table">
        <caption className="sr-only">Tasks, newest first</caption>
        <thead className="border-b border-slate-200 dark:border-slate-800">
          <tr>
            {COLUMNS.map(([label, alignRight]) => (
              <th key={label} scope="col" className={alignRight ? `${HEAD} text-right` : HEAD}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {tasks.map((task) => {
            const values = taskRowValues(task, now);
            return (
              <tr key={task.task_id} className="hover:bg-slate-50 dark:hover:bg-slate-800/50" data-testid="task-row">
                <th scope="row" className={`${CELL} text-left font-normal`}>
                  <TaskLink taskId={task.task_id} className="whitespace-nowrap" />
                </th>
                <td className={CELL}>
                  <div className="flex flex-wrap gap-1">
                    <StatusBadge status={task.status} />
                    {task.attention ? <AttentionBadge /> : null}
                  </div>
                </td>
                <td className={CELL}>{values.mode}</td>
                <td className={`${CELL} tabular-nums`}>{values.duration}</td>
                <td className={CELL}>{values.resolution}</td>
                <td className={NUMBER}>{values.price}</td>
                <td className={NUMBER}>{values.charged}</td>
                <td className={`${CELL} whitespace-nowrap`}>
                  <span title={values.createdFull}>{values.createdAge}</span>
                </td>
                <td className={`${CELL} max-w-72`}>
                  <p className="line-clamp-2 break-words text-slate-700 dark:text-slate-300" title={task.prompt}>
                    {task.prompt}
                  </p>
                </td>
                <td className={`${CELL} max-w-64`} data-testid="task-row-error">
                  {task.error ? <TaskRowError error={task.error} /> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
