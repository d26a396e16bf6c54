import { Suspense, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { Spinner } from '@/components/spinner';
import { RouteErrorBoundary } from '@/app/routes/route-error-boundary';
import { AppHeader } from './app-header';
import { EngineBanner } from './engine-banner';
import { PAGE_WIDTH } from './page-width';

function PageLoading() {
  return (
    <p className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400" role="status">
      <Spinner /> Loading…
    </p>
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  const [pathname] = useLocation();
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-white px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 dark:bg-slate-900"
      >
        Skip to content
      </a>
      <AppHeader />
      <EngineBanner />
      <main id="main" tabIndex={-1} className={`${PAGE_WIDTH} flex-1 px-3 py-5 outline-none sm:px-6 sm:py-6`}>
        <RouteErrorBoundary resetKey={pathname}>
          <Suspense fallback={<PageLoading />}>{children}</Suspense>
        </RouteErrorBoundary>
      </main>
    </div>
  );
}
