/** Placeholder for the support task list; the tasks feature replaces it. */
export function TaskListPage() {
  return (
    <div className="flex flex-col gap-2">
      <h1 className="text-2xl font-semibold">Tasks</h1>
      <p className="text-slate-700 dark:text-slate-300">The support task list is coming.</p>
    </div>
  );
}
