import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { CreatorPage } from './routes/creator-page';
import { NotFoundPage } from './routes/not-found-page';

/*
 * Declarative routes (<Routes>) rather than a data router: we load data with React Query, not
 * loaders, and this mode ships about half the router code. The creator's page comes with the
 * first load; the support views load when first opened.
 */
const TaskListPage = lazy(async () => ({
  default: (await import('../features/tasks/components/task-list-page')).TaskListPage,
}));
const TaskInspectorPage = lazy(async () => ({
  default: (await import('../features/tasks/components/task-inspector-page')).TaskInspectorPage,
}));
const SignInPage = lazy(async () => ({
  default: (await import('../features/auth/components/sign-in-page')).SignInPage,
}));
const SpendPage = lazy(async () => ({
  default: (await import('../features/batch/components/spend-page')).SpendPage,
}));

export function AppRoutes() {
  return (
    <Routes>
      {/* Outside the layout: its header would call the API the sign-in is for. */}
      <Route
        path="sign-in"
        element={
          <Suspense fallback={null}>
            <SignInPage />
          </Suspense>
        }
      />
      <Route element={<AppLayout />}>
        <Route index element={<CreatorPage />} />
        <Route path="tasks" element={<TaskListPage />} />
        <Route path="tasks/:taskId" element={<TaskInspectorPage />} />
        <Route path="spend" element={<SpendPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
