import { Link } from 'wouter';
import { buttonClasses } from '@/components/button';

export function NotFoundPage() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">This page does not exist</h1>
      <p className="text-slate-700 dark:text-slate-300">The address may be mistyped, or the link is old.</p>
      <Link to="/" className={buttonClasses('primary')}>
        Go to your videos
      </Link>
    </div>
  );
}
