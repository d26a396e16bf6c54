import type { Mode } from '@/shared/pricing';

/** How a mode is written on screen. */
export const MODE_LABELS: Record<Mode, string> = { standard: 'Standard', pro: 'Pro' };
