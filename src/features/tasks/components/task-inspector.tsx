import { useTaskHistory } from '@/features/tasks/api/get-task-history';
import type { Task } from '@/shared/contract';
import { isFinalStatus } from '@/shared/status';
import { InspectorHeader } from './inspector-header';
import { InspectorSection } from './inspector-section';
import { StatusAnnouncer } from './status-announcer';
import { TaskAttention } from './task-attention';
import { TaskBilling } from './task-billing';
import { TaskFailure } from './task-failure';
import { TaskParameters } from './task-parameters';
import { TaskResult } from './task-result';
import { TaskTimeline } from './task-timeline';
import { UpstreamExchanges } from './upstream-exchanges';

export interface TaskInspectorProps {
  task: Task;
  foundBy: string | null;
  taskFetching: boolean;
  taskUpdatedAt: number;
  onRefetchTask: () => Promise<unknown>;
}

function HistoryMessage({ children }: { children: string }) {
  return <p className="text-sm text-slate-700 dark:text-slate-300">{children}</p>;
}

/** Everything support needs to answer "what happened to my video?", on one page. */
export function TaskInspector({ task, foundBy, taskFetching, taskUpdatedAt, onRefetchTask }: TaskInspectorProps) {
  const history = useTaskHistory(task.task_id);
  const final = isFinalStatus(task.status);
  const historyFallback = history.isError ? (
    <HistoryMessage>{`The history could not be loaded: ${history.error.message}`}</HistoryMessage>
  ) : (
    <HistoryMessage>Loading the history…</HistoryMessage>
  );

  return (
    <div className="flex flex-col gap-5">
      <InspectorHeader
        task={task}
        foundBy={foundBy}
        refreshing={taskFetching || history.isFetching}
        updatedAt={Math.max(taskUpdatedAt, history.dataUpdatedAt)}
        onRefresh={() => void Promise.all([onRefetchTask(), history.refetch()])}
      />
      <StatusAnnouncer status={task.status} />
      {task.error && task.attention ? (
        <TaskAttention error={task.error} attention={task.attention} />
      ) : task.error && (task.status === 'failed' || task.status === 'canceled') ? (
        <TaskFailure error={task.error} status={task.status} />
      ) : null}
      {/*
        Phones read top to bottom: result, timeline, charges, then the long parameter list.
        Desktops put timeline and charges in a right column beside result and parameters.
      */}
      <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <InspectorSection title="Result" testId="task-result" className="lg:col-start-1 lg:row-start-1">
          <TaskResult task={task} />
        </InspectorSection>
        <div className="flex min-w-0 flex-col gap-5 lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <InspectorSection title="Timeline" testId="task-timeline">
            {history.data ? <TaskTimeline events={history.data.events} final={final} /> : historyFallback}
          </InspectorSection>
          <InspectorSection title="Price and charges">
            <TaskBilling task={task} ledger={history.data?.ledger} />
          </InspectorSection>
        </div>
        <InspectorSection title="Parameters" className="lg:col-start-1 lg:row-start-2">
          <TaskParameters task={task} />
        </InspectorSection>
      </div>
      <InspectorSection title="Raw upstream exchanges" testId="upstream-exchanges">
        {history.data ? <UpstreamExchanges exchanges={history.data.upstream} engine={task.engine} /> : historyFallback}
      </InspectorSection>
    </div>
  );
}
