import { useId, type ReactNode } from 'react';

export interface InspectorSectionProps {
  title: string;
  children: ReactNode;
  /** Controls shown beside the heading. */
  actions?: ReactNode;
  className?: string;
  testId?: string;
}

/** One labelled panel of the inspector, so a screen reader can jump between them by heading or region. */
export function InspectorSection({ title, children, actions, className = '', testId }: InspectorSectionProps) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      data-testid={testId}
      className={`min-w-0 rounded-2xl bg-white p-4 ring-1 ring-slate-200 sm:p-5 dark:bg-slate-900 dark:ring-slate-800 ${className}`}
    >
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
