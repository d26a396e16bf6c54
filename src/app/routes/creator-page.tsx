import { useCallback, useRef } from 'react';
import { Gallery } from '../../features/gallery/components/gallery';
import { GenerateForm, type GenerateFormHandle } from '../../features/generate/components/generate-form';
import type { Task } from '../../shared/contract';

/** The creator's page: the form beside the gallery. The two features meet only here. */
export function CreatorPage() {
  const form = useRef<GenerateFormHandle>(null);
  const formSection = useRef<HTMLDivElement>(null);

  const showForm = () => formSection.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  const rerun = useCallback((task: Task) => {
    const { mode, prompt, image, duration, resolution } = task;
    form.current?.rerun({ mode, prompt, image, duration, resolution });
    showForm();
  }, []);
  const trySample = useCallback(() => {
    form.current?.trySample();
    showForm();
  }, []);

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)] xl:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]">
      <div ref={formSection} className="scroll-mt-20 lg:sticky lg:top-20">
        <GenerateForm ref={form} />
      </div>
      <Gallery onRerun={rerun} onTrySample={trySample} />
    </div>
  );
}
