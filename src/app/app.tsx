import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { InertUntilHydrated } from '@/components/inert-until-hydrated';
import { ToastProvider } from '@/components/toast/toast-provider';
import { createQueryClient } from './query-client';
import { AppRoutes } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <InertUntilHydrated>
          <AppRoutes />
        </InertUntilHydrated>
      </ToastProvider>
    </QueryClientProvider>
  );
}
