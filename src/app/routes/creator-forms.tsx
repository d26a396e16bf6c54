import { lazy, Suspense, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useSearchParams } from 'wouter';
import { Spinner } from '@/components/spinner';
import { GenerateForm, type GenerateFormHandle } from '@/features/generate/components/generate-form';

/* Most visits make one video: the batch form loads the first time it is opened. */
const BatchForm = lazy(async () => ({
  default: (await import('@/features/batch/components/batch-form')).BatchForm,
}));

export type FormKind = 'single' | 'batch';

/** Which form the creator's page shows, kept in the address (`?form=batch`) so a reload keeps it. */
export function useFormKind(): [FormKind, (kind: FormKind) => void] {
  const [params, setParams] = useSearchParams();
  const kind: FormKind = params.get('form') === 'batch' ? 'batch' : 'single';
  const show = (next: FormKind) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === 'batch') updated.set('form', 'batch');
        else updated.delete('form');
        return updated;
      },
      { replace: true },
    );
  return [kind, show];
}

const CHOICE = 'h-9 rounded-lg text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-500';

/**
 * One video or a batch. Both forms stay mounted once shown, so switching never loses what was
 * typed or uploaded; a re-run or the sample always goes to the one-video form.
 */
export function CreatorForms({ ref }: { ref?: Ref<GenerateFormHandle> }) {
  const [kind, show] = useFormKind();
  const [batchOpened, setBatchOpened] = useState(kind === 'batch');
  if (kind === 'batch' && !batchOpened) setBatchOpened(true);
  const single = useRef<GenerateFormHandle>(null);

  useImperativeHandle(ref, () => ({
    rerun: (values) => {
      show('single');
      single.current?.rerun(values);
    },
    trySample: () => {
      show('single');
      single.current?.trySample();
    },
  }));

  const choice = (value: FormKind, label: string) => (
    <button
      type="button"
      aria-pressed={kind === value}
      onClick={() => show(value)}
      className={`${CHOICE} ${
        kind === value
          ? 'bg-white text-slate-900 shadow-sm dark:bg-slate-950 dark:text-white'
          : 'text-slate-700 hover:bg-white/60 dark:text-slate-300 dark:hover:bg-slate-900/60'
      }`}
    >
      {label}
    </button>
  );

  return (
    <div className="flex flex-col gap-3">
      <div
        role="group"
        aria-label="What to make"
        className="grid grid-cols-2 gap-1 rounded-xl bg-slate-200 p-1 dark:bg-slate-800"
      >
        {choice('single', 'One video')}
        {choice('batch', 'Batch')}
      </div>
      <div hidden={kind !== 'single'}>
        <GenerateForm ref={single} />
      </div>
      {batchOpened ? (
        <div hidden={kind !== 'batch'}>
          <Suspense
            fallback={
              <p className="flex items-center gap-2 text-sm" role="status">
                <Spinner /> Loading the batch form…
              </p>
            }
          >
            <BatchForm />
          </Suspense>
        </div>
      ) : null}
    </div>
  );
}
