import { useCallback, useId } from 'react';
import { Button } from '@/components/button';
import { ModeSelect } from '@/components/mode-select';
import { SearchInput } from '@/components/search-input';
import { useDebouncedSearch } from '@/lib/use-debounced-search';
import { EMPTY_FILTERS, hasFilters, isRangeReversed, type ListFilters } from '@/features/tasks/lib/list-filters';

export interface TaskListFiltersProps {
  filters: ListFilters;
  onChange: (filters: ListFilters) => void;
}

const CONTROL =
  'h-9 w-full rounded-lg border border-slate-300 bg-white px-3 text-sm focus-within:border-brand-500 focus-within:outline-2 focus-within:outline-brand-500 dark:border-slate-600 dark:bg-slate-900 dark:[color-scheme:dark]';
const LABEL = 'text-sm font-medium text-slate-700 dark:text-slate-300';

interface TextFilterProps extends TaskListFiltersProps {
  field: 'q' | 'batch';
  label: string;
  placeholder: string;
  maxLength: number;
  className: string;
  testId: string;
}

/** A text filter (the prompt search, a batch id): typed or pasted freely, sent once typing pauses. */
function TextFilter({ filters, onChange, field, label, placeholder, maxLength, className, testId }: TextFilterProps) {
  const id = useId();
  const search = useCallback((text: string) => onChange({ ...filters, [field]: text }), [filters, onChange, field]);
  const [text, setText] = useDebouncedSearch(filters[field], search);

  return (
    <div className="col-span-2 flex min-w-0 flex-col gap-1 lg:col-span-1">
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <SearchInput
        id={id}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={placeholder}
        maxLength={maxLength}
        className={className}
        data-testid={testId}
      />
    </div>
  );
}

interface DayFieldProps {
  label: string;
  value: string;
  min?: string;
  max?: string;
  describedBy: string | undefined;
  onChange: (day: string) => void;
}

/** One end of the date range: a whole day, `YYYY-MM-DD` or ''. */
function DayField({ label, value, min, max, describedBy, onChange }: DayFieldProps) {
  const id = useId();
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <input
        id={id}
        type="date"
        value={value}
        min={min || undefined}
        max={max || undefined}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy}
        className={CONTROL}
      />
    </div>
  );
}

/** Prompt search, batch, mode and date range; the status filter is the chips above. */
export function TaskListFilters({ filters, onChange }: TaskListFiltersProps) {
  const modeId = useId();
  const rangeHintId = useId();
  const reversed = isRangeReversed(filters);

  return (
    <div className="flex flex-col gap-2">
      <div className="grid grid-cols-2 items-end gap-3 lg:grid-cols-[minmax(0,2fr)_repeat(4,minmax(0,1fr))_auto]">
        <TextFilter
          filters={filters}
          onChange={onChange}
          field="q"
          label="Prompt or id contains"
          placeholder="e.g. golden retriever, or tsk_01…"
          maxLength={500}
          className="pr-3"
          testId="list-search"
        />
        {/* One batch's tasks; a task's Batch link in the inspector lands here too. */}
        <TextFilter
          filters={filters}
          onChange={onChange}
          field="batch"
          label="Batch"
          placeholder="bat_…"
          maxLength={100}
          className="pr-3 font-mono"
          testId="list-batch"
        />
        <div className="col-span-2 flex flex-col gap-1 lg:col-span-1">
          <label htmlFor={modeId} className={LABEL}>
            Mode
          </label>
          <ModeSelect
            id={modeId}
            value={filters.mode}
            onChange={(mode) => onChange({ ...filters, mode })}
            className={CONTROL}
          />
        </div>
        <DayField
          label="Created from"
          value={filters.from}
          max={filters.to}
          describedBy={reversed ? rangeHintId : undefined}
          onChange={(from) => onChange({ ...filters, from })}
        />
        <DayField
          label="Created until"
          value={filters.to}
          min={filters.from}
          describedBy={reversed ? rangeHintId : undefined}
          onChange={(to) => onChange({ ...filters, to })}
        />
        <Button
          size="md"
          className="col-span-2 h-9 lg:col-span-1"
          onClick={() => onChange(EMPTY_FILTERS)}
          disabled={!hasFilters(filters)}
        >
          Clear filters
        </Button>
      </div>
      {reversed ? (
        <p id={rangeHintId} className="text-sm text-red-700 dark:text-red-300">
          The “from” day is after the “until” day, so no task can match. Swap them or clear one.
        </p>
      ) : null}
    </div>
  );
}
