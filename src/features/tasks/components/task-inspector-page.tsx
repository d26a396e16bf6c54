import { useParams } from 'react-router';

/** Placeholder for the support inspector; the tasks feature replaces it. */
export function TaskInspectorPage() {
  const { taskId = '' } = useParams();
  return (
    <div className="flex flex-col gap-2">
      <h1 className="text-2xl font-semibold">Task</h1>
      <p className="font-mono text-sm break-all text-slate-700 dark:text-slate-300" data-testid="inspector-task-id">
        {taskId}
      </p>
    </div>
  );
}
