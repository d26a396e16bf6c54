import { useCallback, useRef, useState } from 'react';
import { Gallery } from '@/features/gallery/components/gallery';
import type { GenerateFormHandle } from '@/features/generate/components/generate-form';
import type { Task } from '@/shared/contract';
import { CompareSlot, renderBatchHeader } from './gallery-slots';
import { CreatorForms, useFormKind } from './creator-forms';
import { useRerunFromUrl } from './use-form-fill-from-url';

/** The creator's page: the form beside the gallery. The two features meet only here. */
export function CreatorPage() {
  const form = useRef<GenerateFormHandle>(null);
  const formSection = useRef<HTMLDivElement>(null);
  const [formKind] = useFormKind();
  const [comparing, setComparing] = useState<Task[] | null>(null);

  const showForm = () => formSection.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  const rerun = useCallback((task: Task) => {
    const { mode, prompt, image, duration, resolution } = task;
    form.current?.rerun({ mode, prompt, image, duration, resolution });
    showForm();
  }, []);
  useRerunFromUrl(rerun);
  const trySample = useCallback(() => {
    form.current?.trySample();
    showForm();
  }, []);

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)] xl:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]">
      {/* The one-video form stays in view beside a long gallery; a batch form can be taller than the screen. */}
      <div ref={formSection} className={`scroll-mt-20 ${formKind === 'single' ? 'lg:sticky lg:top-20' : ''}`}>
        <CreatorForms ref={form} />
      </div>
      <Gallery onRerun={rerun} onTrySample={trySample} renderBatchHeader={renderBatchHeader} onCompare={setComparing} />
      <CompareSlot tasks={comparing} onClose={() => setComparing(null)} />
    </div>
  );
}
