import { useEffect, useRef, useState } from 'react';
import { Gallery } from '@/features/gallery/components/gallery';
import type { Task } from '@/shared/contract';
import { CreatorForms } from './creator-forms';
import { CompareSlot, renderBatchHeader } from './gallery-slots';
import { MontageDialogSlot, MontageShelfSlot } from './montage-slots';
import { useFormFillFromUrl } from './use-form-fill-from-url';
import { useFormKind } from './use-form-kind';

/** The creator's page: the form beside the gallery. The two features meet only here. */
export function CreatorPage() {
  const formSection = useRef<HTMLDivElement>(null);
  const [formKind] = useFormKind();
  const fill = useFormFillFromUrl();
  const [comparing, setComparing] = useState<Task[] | null>(null);
  const [montaging, setMontaging] = useState<Task[] | null>(null);

  // The form fills itself and takes the focus first (a child's effect runs before this one);
  // then the page brings the form into view.
  useEffect(() => {
    if (fill) formSection.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [fill]);

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)] xl:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]">
      {/* The one-video form stays in view beside a long gallery; a batch form can be taller than the screen. */}
      <div ref={formSection} className={`scroll-mt-20 ${formKind === 'single' ? 'lg:sticky lg:top-20' : ''}`}>
        <CreatorForms fill={fill} />
      </div>
      <div className="flex min-w-0 flex-col gap-6">
        <MontageShelfSlot />
        <Gallery renderBatchHeader={renderBatchHeader} onCompare={setComparing} onMontage={setMontaging} />
      </div>
      <CompareSlot tasks={comparing} onClose={() => setComparing(null)} />
      <MontageDialogSlot tasks={montaging} onClose={() => setMontaging(null)} />
    </div>
  );
}
