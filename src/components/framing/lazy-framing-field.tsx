import { lazy, Suspense } from 'react';
import type { FramingFieldProps } from './framing-field';

/*
 * The frame is chosen on a photo, so its code loads once one is ready: the first page (prerendered,
 * then hydrated) has no photo, renders nothing here, and its initial script stays within budget.
 */
const FramingField = lazy(async () => ({ default: (await import('./framing-field')).FramingField }));

export function LazyFramingField(props: FramingFieldProps) {
  if (!props.photo) return null;
  return (
    <Suspense fallback={null}>
      <FramingField {...props} />
    </Suspense>
  );
}
