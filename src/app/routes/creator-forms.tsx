import { lazy, Suspense, useState } from 'react';
import { InertUntilHydrated } from '@/components/inert-until-hydrated';
import { Spinner } from '@/components/spinner';
import type { GenerateFormFill } from '@/features/generate/components/generate-form';
import { useFormKind, type FormKind } from './use-form-kind';

/*
 * The one-video form's code (with react-hook-form and its zod resolver) is its own chunk, asked
 * for as soon as the app starts: the prerendered page already shows the form, and React takes
 * that part over when the chunk arrives, so the first load carries less script before it works.
 */
const GenerateForm = lazy(async () => {
  const { GenerateForm: Form } = await import('@/features/generate/components/generate-form');
  // Inside the boundary, so it turns live when the form itself is taken over, not the page.
  return {
    default: function LiveGenerateForm(props: { fill: GenerateFormFill | null }) {
      return (
        <InertUntilHydrated>
          <Form {...props} />
        </InertUntilHydrated>
      );
    },
  };
});

function FormLoading({ what }: { what: string }) {
  return (
    <p className="flex items-center gap-2 text-sm" role="status">
      <Spinner /> Loading the {what}…
    </p>
  );
}

/* Most visits make one video: the batch form loads the first time it is opened. */
const BatchForm = lazy(async () => ({
  default: (await import('@/features/batch/components/batch-form')).BatchForm,
}));

const CHOICE = 'h-9 rounded-lg text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-500';

/**
 * One video or a batch. Both forms stay mounted once shown, so switching never loses what was
 * typed or uploaded; a re-run or the sample always goes to the one-video form (use-form-fill-from-url.ts).
 */
export function CreatorForms({ fill }: { fill: GenerateFormFill | null }) {
  const [kind, show] = useFormKind();
  const [batchOpened, setBatchOpened] = useState(kind === 'batch');
  if (kind === 'batch' && !batchOpened) setBatchOpened(true);

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
        <Suspense fallback={<FormLoading what="form" />}>
          <GenerateForm fill={fill} />
        </Suspense>
      </div>
      {batchOpened ? (
        <div hidden={kind !== 'batch'}>
          <Suspense fallback={<FormLoading what="batch form" />}>
            <BatchForm />
          </Suspense>
        </div>
      ) : null}
    </div>
  );
}
