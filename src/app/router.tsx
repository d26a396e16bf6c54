import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { AppLayout } from '@/app/layout/app-layout';
import { CreatorPage } from '@/app/routes/creator-page';
import { NotFoundPage } from '@/app/routes/not-found-page';

/*
 * wouter rather than React Router: we load data with React Query, not loaders, so a router
 * needs only to match paths and keep the address; wouter does that in ~2 KB gzip against ~14 KB.
 * The creator's page comes with the first load; the support views load when first opened.
 */
const TaskListPage = lazy(async () => ({
  default: (await import('@/features/tasks/components/task-list-page')).TaskListPage,
}));
const TaskInspectorPage = lazy(async () => ({
  default: (await import('@/features/tasks/components/task-inspector-page')).TaskInspectorPage,
}));
const SignInPage = lazy(async () => ({
  default: (await import('@/features/auth/components/sign-in-page')).SignInPage,
}));
const SpendPage = lazy(async () => ({
  default: (await import('@/features/spend/components/spend-page')).SpendPage,
}));

export function AppRoutes() {
  return (
    <Switch>
      {/* Outside the layout: its header would call the API the sign-in is for. */}
      <Route path="/sign-in">
        <Suspense fallback={null}>
          <SignInPage />
        </Suspense>
      </Route>
      <Route>
        <AppLayout>
          <Switch>
            <Route path="/" component={CreatorPage} />
            <Route path="/tasks" component={TaskListPage} />
            <Route path="/tasks/:taskId" component={TaskInspectorPage} />
            <Route path="/spend" component={SpendPage} />
            <Route component={NotFoundPage} />
          </Switch>
        </AppLayout>
      </Route>
    </Switch>
  );
}
