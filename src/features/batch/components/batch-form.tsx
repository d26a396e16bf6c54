import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/button';
import { PromptField } from '@/components/prompt-field';
import { PromptHelpersToggle } from '@/components/prompt-helpers-toggle';
import { Spinner } from '@/components/spinner';
import { FramingField } from '@/components/framing/framing-field';
import { useFramedPhoto, useFraming, type FramedPhoto } from '@/components/framing/use-framing';
import { CENTRED } from '@/lib/framing/crop-rect';
import { useCatalogue } from '@/lib/api/get-catalogue';
import { useCredits } from '@/lib/api/get-credits';
import { batchRequestSchema, type BatchRequestInput } from '@/shared/batch-contract';
import { BATCH_MAX_IMAGES, BATCH_MAX_VARIANTS } from '@/shared/limits';
import { useBatchImages } from '@/features/batch/hooks/use-batch-images';
import { useBatchSubmit } from '@/features/batch/hooks/use-batch-submit';
import { batchQuote, variantKey, variantOptions } from '@/features/batch/lib/variant-options';
import { BatchDropZone } from './batch-drop-zone';
import { BatchImageList } from './batch-image-list';
import { BatchPriceSummary } from './batch-price-summary';
import { VariantPicker } from './variant-picker';

const DEFAULT_VARIANT = variantKey({ mode: 'standard', duration: '6', resolution: '768P' });

/**
 * Many videos in one go: up to 20 photos with one prompt, each in 1–4 variants (standard or pro,
 * 6 or 10 s, 768P or 1080P). The total is priced live from the server's catalogue and the batch
 * is sent as one request, made whole or not at all.
 */
export function BatchForm() {
  const headingId = useId();
  const promptRef = useRef<HTMLTextAreaElement | null>(null);
  const [prompt, setPrompt] = useState('');
  const [promptError, setPromptError] = useState<string | undefined>();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set([DEFAULT_VARIANT]));
  const [notice, setNotice] = useState<string | null>(null);
  const { images, add, remove, clear } = useBatchImages();
  const framing = useFraming();
  // One frame for the whole batch, centred on each photo; the preview shows it on the first.
  const photos = images.flatMap((image): FramedPhoto[] =>
    image.state.kind === 'ready'
      ? [
          {
            url: image.state.url,
            pixelsUrl: image.previewUrl,
            name: image.name,
            width: image.state.width,
            height: image.state.height,
          },
        ]
      : [],
  );
  const firstPhoto = useFramedPhoto(
    photos[0] ? { ...photos[0], previewUrl: photos[0].pixelsUrl!, linked: false } : null,
  );

  const catalogue = useCatalogue();
  const credits = useCredits();
  const options = useMemo(() => variantOptions(catalogue.data?.models ?? []), [catalogue.data]);
  const variants = options.filter((option) => chosen.has(option.key));
  const ready = images.flatMap((image) => (image.state.kind === 'ready' ? [image.state.url] : []));
  const pending = images.filter((image) => ['checking', 'waiting', 'uploading'].includes(image.state.kind)).length;
  const counted = ready.length + pending;
  const quote = catalogue.data
    ? variants.length
      ? batchQuote(catalogue.data.models, counted, variants)
      : { ok: false as const, code: 'unsupported_combination' as const, reason: 'Pick at least one variant.' }
    : null;
  const shortBy = quote?.ok && credits.data ? Math.max(0, quote.credits - credits.data.balance) : 0;

  const onCreated = useCallback(() => {
    clear();
    setNotice(null);
  }, [clear]);
  const { submit, isPending, error } = useBatchSubmit(onCreated);

  const addFiles = (files: File[]) => {
    const left = add(files);
    setNotice(
      left
        ? `A batch takes at most ${BATCH_MAX_IMAGES} images: ${left} ${left === 1 ? 'was' : 'were'} left out.`
        : null,
    );
  };

  const toggle = (key: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const send = () => {
    const request: BatchRequestInput = {
      prompt,
      images: ready,
      variants: variants.map(({ mode, duration, resolution }) => ({ mode, duration, resolution })),
    };
    const checked = batchRequestSchema.safeParse(request);
    const promptIssue = checked.error?.issues.find((issue) => issue.path[0] === 'prompt');
    setPromptError(promptIssue?.message);
    if (promptIssue) return promptRef.current?.focus();
    if (!checked.success) return setNotice(checked.error.issues[0]?.message ?? 'Check the batch and try again.');
    void framing.apply(photos, CENTRED).then((urls) => urls && submit({ ...request, images: urls }));
  };

  const blocked =
    isPending || pending > 0 || ready.length === 0 || !quote?.ok || shortBy > 0 || framing.status.kind === 'uploading';
  return (
    <form
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
      className="flex flex-col gap-6 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6 dark:bg-slate-900 dark:ring-slate-800"
    >
      <div className="flex flex-col gap-1">
        <h2 id={headingId} className="text-lg font-semibold">
          Batch of videos
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Many product photos with one prompt, or one photo in several variants to compare.
        </p>
      </div>
      <div className="flex flex-col gap-3">
        <BatchDropZone onFiles={addFiles} count={images.length} />
        <BatchImageList images={images} onRemove={remove} />
        {notice ? (
          <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
            {notice}
          </p>
        ) : null}
      </div>
      <FramingField state={framing} photo={firstPhoto} movable={false} />
      <div className="flex flex-col gap-2">
        <PromptField
          ref={promptRef}
          value={prompt}
          onChange={(event) => setPrompt(event.target.value)}
          length={prompt.length}
          error={promptError}
        />
        <PromptHelpersToggle prompt={prompt} textarea={promptRef} onChange={setPrompt} defaultOpen />
      </div>
      <VariantPicker options={options} selected={chosen} onToggle={toggle} max={BATCH_MAX_VARIANTS} />
      <BatchPriceSummary
        images={counted}
        variants={variants.length}
        quote={quote}
        credits={credits.data}
        shortBy={shortBy}
      />
      <div className="flex flex-col gap-2">
        <Button type="submit" variant="primary" size="lg" disabled={blocked}>
          {isPending ? (
            <>
              <Spinner /> Starting…
            </>
          ) : quote?.ok && counted ? (
            // Short enough for one line at phone width.
            `Start ${counted * variants.length === 1 ? '1 video' : `${counted * variants.length} videos`} · ${quote.credits} credits`
          ) : (
            'Start batch'
          )}
        </Button>
        <p className="text-center text-xs text-slate-600 dark:text-slate-400" role={error ? 'alert' : undefined}>
          {error ?? (pending ? 'Waiting for the uploads…' : ready.length ? '' : 'Add at least one image.')}
        </p>
      </div>
    </form>
  );
}
