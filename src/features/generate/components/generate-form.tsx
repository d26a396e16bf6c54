import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { useForm, useWatch, type PathValue } from 'react-hook-form';
import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { useCredits } from '@/lib/api/get-credits';
import { useModifierKeyLabel } from '@/lib/shortcut-keys';
import { useHydrated } from '@/lib/use-hydrated';
import { generationFormSchema, type GenerationForm } from '@/shared/contract';
import { modelIdForMode, quote } from '@/shared/pricing';
import { useCatalogue } from '@/lib/api/get-catalogue';
import { SAMPLE_PROMPT } from '@/features/generate/api/get-sample-image';
import { useGenerationSubmit } from '@/features/generate/hooks/use-generation-submit';
import { useFormDraft } from '@/features/generate/hooks/use-form-draft';
import { useImageSource } from '@/features/generate/hooks/use-image-source';
import { readDraft, type FormDraft } from '@/features/generate/lib/form-draft';
import { usePasteImage } from '@/features/generate/hooks/use-paste-image';
import type { FieldError } from '@/features/generate/lib/field-of-error';
import { GenerationOptions, type OptionValues } from './generation-options';
import { ImageField } from './image-field';
import { PriceSummary } from './price-summary';
import { PromptField } from '@/components/prompt-field';
import { PromptHelpersToggle } from '@/components/prompt-helpers-toggle';
import { LazyFramingField } from '@/components/framing/lazy-framing-field';
import { useFramedPhoto, useFraming } from '@/components/framing/use-framing';

/**
 * What the page asks the form to fill itself with: an earlier video's settings, or the sample.
 * Each new object is applied once, so the same re-run asked twice fills the form twice.
 */
export type GenerateFormFill = { kind: 'rerun'; values: GenerationForm } | { kind: 'sample' };

const DEFAULTS: GenerationForm = { mode: 'standard', prompt: '', image: '', duration: '6', resolution: '768P' };

/**
 * The prerendered form is empty, so while React takes it over the kept draft is not read (the
 * HTML and the first render must agree); once it has, a form with a draft to restore mounts
 * afresh and reads it. Nothing typed is lost: the prerendered controls are inert until then.
 */
export function GenerateForm({ fill }: { fill?: GenerateFormFill | null }) {
  const hydrated = useHydrated();
  // Decided once (null while hydrating): a draft written later, as the person types, never remounts the form.
  // undefined while hydrating; then the draft (or null), read once and handed to the form.
  const [kept, setKept] = useState<FormDraft | null | undefined>(() => (hydrated ? readDraft() : undefined));
  if (hydrated && kept === undefined) setKept(readDraft());
  return <GenerateFormBody key={kept ? 'with-draft' : 'fresh'} fill={fill} kept={kept ?? null} />;
}

function GenerateFormBody({ fill, kept }: { fill?: GenerateFormFill | null; kept: FormDraft | null }) {
  const headingId = useId();
  const modifierKey = useModifierKeyLabel();
  const promptRef = useRef<HTMLTextAreaElement | null>(null);
  const form = useForm<GenerationForm>({
    resolver: zodResolver(generationFormSchema),
    defaultValues: kept?.values ?? DEFAULTS,
  });
  const { control, setValue, setError, formState, handleSubmit, register } = form;
  const [mode, duration, resolution, prompt, image] = useWatch({
    control,
    name: ['mode', 'duration', 'resolution', 'prompt', 'image'],
  });

  const setImage = useCallback(
    (url: string | null) =>
      setValue('image', url ?? '', { shouldValidate: form.formState.isSubmitted && Boolean(url) }),
    [form.formState, setValue],
  );
  const source = useImageSource(setImage);
  usePasteImage(source.pickFile, source.takeLink);
  const framing = useFraming();
  const ready = source.state.kind === 'ready' ? source.state : null;
  const photo = useFramedPhoto(ready && { ...ready, linked: ready.origin === 'link' });
  const draft = useFormDraft(kept, { mode, duration, resolution, prompt, image }, source.state, DEFAULTS);
  const restoreImage = useEffectEvent(() => {
    if (kept?.values.image) source.takePrevious(kept.values.image, kept.image ?? undefined);
  });
  useEffect(() => restoreImage(), []);

  const catalogue = useCatalogue();
  const credits = useCredits();
  const price = catalogue.data
    ? quote(catalogue.data.models, { model: modelIdForMode(mode), duration, resolution })
    : null;
  const shortBy = price?.ok && credits.data ? Math.max(0, price.credits - credits.data.balance) : 0;

  const onFieldError = useCallback(
    ({ field, message }: FieldError) =>
      setError(field, { type: 'server', message }, { shouldFocus: field === 'prompt' }),
    [setError],
  );
  const { submit, isPending } = useGenerationSubmit(onFieldError, draft.clear);
  // The framed photo is uploaded at submit and is what the task records.
  const submitFramed = async (values: GenerationForm) => {
    const urls = await framing.apply(photo ? [photo] : []);
    if (urls) await submit({ ...values, image: urls[0] ?? values.image });
  };

  const applyFill = useEffectEvent((next: GenerateFormFill) => {
    if (next.kind === 'rerun') {
      form.reset(next.values);
      source.takePrevious(next.values.image);
      promptRef.current?.focus();
    } else {
      form.reset({ ...form.getValues(), image: '', prompt: form.getValues('prompt') || SAMPLE_PROMPT });
      source.takeSample();
      // Next the person writes a prompt: put the keyboard there (the sample fills one in to edit).
      promptRef.current?.focus({ preventScroll: true });
    }
  });
  useEffect(() => {
    if (fill) applyFill(fill);
  }, [fill]);

  const changeOption = <K extends keyof OptionValues>(field: K, value: OptionValues[K]) =>
    setValue(field, value as PathValue<GenerationForm, K>, {
      shouldDirty: true,
      shouldValidate: formState.isSubmitted,
    });

  const imageBusy = ['preparing', 'uploading', 'checking'].includes(source.state.kind);
  const blocked = isPending || imageBusy || shortBy > 0 || price?.ok === false || framing.status.kind === 'uploading';
  const promptField = register('prompt');

  return (
    <form
      aria-labelledby={headingId}
      noValidate
      onSubmit={handleSubmit(submitFramed)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
          event.preventDefault();
          event.currentTarget.requestSubmit();
        }
      }}
      className="flex flex-col gap-6 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6 lg:gap-4 dark:bg-slate-900 dark:ring-slate-800"
    >
      <h2 id={headingId} className="text-lg font-semibold">
        New video
      </h2>
      <ImageField source={source} formError={formState.errors.image?.message} />
      <LazyFramingField state={framing} photo={photo} movable />
      <div className="flex flex-col gap-2">
        <PromptField
          {...promptField}
          ref={(element) => {
            promptField.ref(element);
            promptRef.current = element;
          }}
          length={prompt.length}
          error={formState.errors.prompt?.message}
        />
        <PromptHelpersToggle
          prompt={prompt}
          textarea={promptRef}
          onChange={(text) => setValue('prompt', text, { shouldDirty: true, shouldValidate: formState.isSubmitted })}
        />
      </div>
      <GenerationOptions
        catalogue={catalogue.data}
        values={{ mode, duration, resolution }}
        onChange={changeOption}
        errors={{
          mode: formState.errors.mode?.message,
          duration: formState.errors.duration?.message,
          resolution: formState.errors.resolution?.message,
        }}
      />
      <PriceSummary
        quote={price}
        catalogueError={catalogue.error ? `Prices could not be loaded: ${catalogue.error.message}` : null}
        credits={credits.data}
        creditsError={credits.isError}
        shortBy={shortBy}
      />
      {/* Beside the gallery the form scrolls in its own column; Generate stays at its foot, in view. */}
      <div className="flex flex-col gap-2 bg-white lg:sticky lg:-bottom-6 lg:-mx-6 lg:-mb-6 lg:rounded-b-2xl lg:px-6 lg:pt-3 lg:pb-6 lg:shadow-[0_-10px_12px_-10px_rgb(0_0_0/0.25)] dark:bg-slate-900">
        <Button
          type="submit"
          variant="primary"
          size="lg"
          disabled={blocked}
          aria-keyshortcuts="Control+Enter Meta+Enter"
        >
          {isPending ? (
            <>
              <Spinner /> Starting…
            </>
          ) : price?.ok ? (
            `Generate video · ${price.credits} credits`
          ) : (
            'Generate video'
          )}
        </Button>
        {imageBusy ? (
          <p className="text-center text-xs text-slate-600 dark:text-slate-400">Waiting for the image…</p>
        ) : (
          <p
            className="text-center text-xs text-slate-600 pointer-coarse:hidden dark:text-slate-400"
            data-testid="keyboard-hint"
          >
            {modifierKey} + Enter also generates.
          </p>
        )}
      </div>
    </form>
  );
}
