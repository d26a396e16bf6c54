import { memo, useCallback, useMemo, useRef, type ReactNode, type Ref } from 'react';
import type { Task } from '@/shared/contract';
import { useGridColumns } from '@/features/gallery/hooks/use-grid-columns';
import type { Selection } from '@/features/gallery/hooks/use-selection';
import { useWindowRows } from '@/features/gallery/hooks/use-window-rows';
import { toRows } from '@/features/gallery/lib/gallery-rows';
import { groupByBatch, type GalleryGroup } from '@/features/gallery/lib/group-by-batch';
import { TaskCard } from './task-card';

/* About what the first screen shows at desktop width. */
const EAGER_CARDS = 4;
/* minmax(0,1fr): a card's long word or link never widens its column past the screen. */
const GRID = 'grid grid-cols-[minmax(0,1fr)] gap-4 sm:grid-cols-2 2xl:grid-cols-3';

export interface GalleryListProps {
  tasks: readonly Task[];
  now: number;
  onWatch: (task: Task) => void;
  selection: Selection;
  /** Drawn above a batch's cards (its progress, spend, ZIP); composed by the page. */
  renderBatchHeader?: (batchId: string, tasks: readonly Task[]) => ReactNode;
}

/* Marks the items of a rendered row: all with their row, the first measured for the row's height. */
interface RowProps {
  'data-row'?: number;
  'data-index'?: number;
  ref?: Ref<HTMLLIElement>;
}

interface CardItemProps extends Pick<GalleryListProps, 'now' | 'onWatch'> {
  task: Task;
  eager: boolean;
  selected: boolean;
  onSelect: Selection['set'];
  row: RowProps;
}

/*
 * One card, memoized: while the page scrolls the list re-renders every few frames to swap rows
 * in and out, and only the cards coming into view need to render then.
 */
const CardItem = memo(function CardItem({ task, now, onWatch, eager, selected, onSelect, row }: CardItemProps) {
  return (
    <li className="flex min-w-0" {...row}>
      <div className="flex w-full min-w-0 flex-col [&>article]:flex-1">
        <TaskCard
          task={task}
          now={now}
          onWatch={onWatch}
          eager={eager}
          selected={selected}
          onSelectedChange={(value) => onSelect(task.task_id, value)}
        />
      </div>
    </li>
  );
}, sameCard);

/* The row marks are rebuilt on every render; equal values mean the same card. */
function sameCard(a: CardItemProps, b: CardItemProps): boolean {
  return (
    a.task === b.task &&
    a.now === b.now &&
    a.onWatch === b.onWatch &&
    a.eager === b.eager &&
    a.selected === b.selected &&
    a.onSelect === b.onSelect &&
    a.row['data-row'] === b.row['data-row'] &&
    a.row['data-index'] === b.row['data-index'] &&
    a.row.ref === b.row.ref
  );
}

/** The cards, newest first; a batch's cards together under its header. Long lists render only the rows in view. */
export function GalleryList({ tasks, now, onWatch, selection, renderBatchHeader }: GalleryListProps) {
  const groups = useMemo(() => groupByBatch(tasks), [tasks]);
  const columns = useGridColumns();
  const rows = useMemo(() => toRows(groups, columns), [groups, columns]);
  const listRef = useRef<HTMLUListElement>(null);
  const keyOf = useCallback((index: number) => rows[index]?.key ?? String(index), [rows]);
  const { slots, measureRow, onFocus, onBlur } = useWindowRows(listRef, rows.length, keyOf);
  const eager = useMemo(
    () =>
      new Set(
        groups.flatMap((group) => group.tasks.slice(0, EAGER_CARDS).map((task) => task.task_id)).slice(0, EAGER_CARDS),
      ),
    [groups],
  );
  const card = (task: Task, row: RowProps = {}) => (
    <CardItem
      key={task.task_id}
      task={task}
      now={now}
      onWatch={onWatch}
      eager={eager.has(task.task_id)}
      selected={selection.isSelected(task.task_id)}
      onSelect={selection.set}
      row={row}
    />
  );
  const item = (group: GalleryGroup, row: RowProps) =>
    group.batchId === null ? (
      card(group.tasks[0], row)
    ) : (
      <li key={group.batchId} className="min-w-0 sm:col-span-2 2xl:col-span-3" {...row}>
        <section
          aria-label={`Batch of ${group.tasks.length} ${group.tasks.length === 1 ? 'video' : 'videos'}`}
          data-testid="batch-group"
          data-batch-id={group.batchId}
          className="flex flex-col gap-3 rounded-2xl bg-slate-100 p-3 ring-1 ring-slate-200 dark:bg-slate-900/60 dark:ring-slate-800"
        >
          {renderBatchHeader?.(group.batchId, group.tasks)}
          <ul className={GRID}>{group.tasks.map((task) => card(task))}</ul>
        </section>
      </li>
    );
  return (
    <ul ref={listRef} className={GRID} aria-label="Videos, newest first" onFocus={onFocus} onBlur={onBlur}>
      {slots.map((slot) =>
        slot.kind === 'spacer' ? (
          <li key={slot.key} aria-hidden="true" className="col-span-full" style={{ height: slot.height }} />
        ) : (
          rows[slot.index]!.groups.map((group, i) =>
            item(group, { 'data-row': slot.index, ...(i === 0 && { 'data-index': slot.index, ref: measureRow }) }),
          )
        ),
      )}
    </ul>
  );
}
