import type { ReactNode } from 'react';

export interface PageHeadingProps {
  title: string;
  description: ReactNode;
  /** What the page offers beside its title (a refresh, a period); wraps below it on a phone. */
  children?: ReactNode;
  /** How the actions line up with the title block: centred, or on its last line. */
  align?: 'center' | 'end';
}

/** A page's title and what it shows, with its actions beside them: the task list and the spend page. */
export function PageHeading({ title, description, children, align = 'center' }: PageHeadingProps) {
  return (
    <div className={`flex flex-wrap ${align === 'end' ? 'items-end' : 'items-center'} justify-between gap-3`}>
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="text-sm text-slate-700 dark:text-slate-300">{description}</p>
      </div>
      {children}
    </div>
  );
}
