import { formKindIn } from '@/app/routes/use-form-kind';

/** The one address the build renders to HTML (scripts/prerender.ts): the creator's page, one-video form. */
export const PRERENDERED_PATH = '/';

/**
 * Whether the page's HTML is the prerendered one for this address, so React can take it over
 * (hydrate) rather than draw it again. Another form chosen in the address draws afresh.
 */
export function showsPrerenderedPage(location: Pick<Location, 'pathname' | 'search'>): boolean {
  return location.pathname === PRERENDERED_PATH && formKindIn(new URLSearchParams(location.search)) === 'single';
}
