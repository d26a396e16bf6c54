import { useEffect, useRef, useState } from 'react';
import { Gallery } from '@/features/gallery/components/gallery';
import type { Task } from '@/shared/contract';
import { CreatorForms } from './creator-forms';
import { CompareSlot, renderBatchHeader } from './gallery-slots';
import { MontageDialogSlot, MontagesButtonSlot, MontageShelfSlot } from './montage-slots';
import { useFormFillFromUrl } from './use-form-fill-from-url';
import { useFormKind } from './use-form-kind';

/* 9rem: the header, the banner and the page's top padding, so the column's foot is on screen from the first paint. */
const SINGLE_FORM_COLUMN =
  'lg:sticky lg:top-20 lg:-mx-1 lg:max-h-[calc(100dvh-9rem)] lg:overflow-y-auto lg:overscroll-contain lg:px-1';

/** The creator's page: the form beside the gallery. The two features meet only here. */
export function CreatorPage() {
  const formSection = useRef<HTMLDivElement>(null);
  const [formKind] = useFormKind();
  const fill = useFormFillFromUrl();
  const [comparing, setComparing] = useState<Task[] | null>(null);
  const [montaging, setMontaging] = useState<Task[] | null>(null);
  const [showMontages, setShowMontages] = useState(false);

  // The form fills itself and takes the focus first (a child's effect runs before this one);
  // then the page brings the form into view.
  useEffect(() => {
    if (fill) formSection.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [fill]);

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)] xl:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]">
      {/*
       * The one-video form stays in view beside a long gallery. Taller than a 900 px screen once an
       * image is in, it scrolls in its own column (its Generate button pinned at the foot), so
       * Generate is never out of reach below the fold. A batch form scrolls with the page.
       */}
      <div
        ref={formSection}
        className={`scroll-mt-20 ${formKind === 'single' ? SINGLE_FORM_COLUMN : ''}`}
        data-testid="form-column"
      >
        <CreatorForms fill={fill} />
      </div>
      <Gallery
        renderBatchHeader={renderBatchHeader}
        onCompare={setComparing}
        onMontage={setMontaging}
        headerAction={<MontagesButtonSlot onOpen={() => setShowMontages(true)} />}
      />
      <CompareSlot tasks={comparing} onClose={() => setComparing(null)} />
      <MontageDialogSlot tasks={montaging} onClose={() => setMontaging(null)} onCreated={() => setShowMontages(true)} />
      <MontageShelfSlot open={showMontages} onClose={() => setShowMontages(false)} />
    </div>
  );
}
