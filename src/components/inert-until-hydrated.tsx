import type { ReactNode } from 'react';
import { useHydrated } from '@/lib/use-hydrated';

/**
 * The prerendered page shows its controls before their code runs; typed text or a click then
 * would be lost when React takes the controls over (their state starts from the build's HTML).
 * So they stay inert (seen, not yet usable) until the render after React has taken them over.
 * A page drawn in the browser is live from its first render.
 */
export function InertUntilHydrated({ children }: { children: ReactNode }) {
  const hydrated = useHydrated();
  return (
    <div inert={!hydrated} className="contents">
      {children}
    </div>
  );
}
