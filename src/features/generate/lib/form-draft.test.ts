import { describe, expect, it } from 'vitest';
import type { GenerationForm } from '@/shared/contract';
import type { ImageSourceState } from '@/features/generate/hooks/use-image-source';
import { draftOf } from './form-draft';

const DEFAULTS: GenerationForm = { mode: 'standard', prompt: '', image: '', duration: '6', resolution: '768P' };
const URL_OF_UPLOAD = 'http://127.0.0.1:4727/media/uploads/upl_1.jpg';
const ready: ImageSourceState = {
  kind: 'ready',
  origin: 'upload',
  url: URL_OF_UPLOAD,
  previewUrl: 'blob:http://127.0.0.1:4727/1',
  name: 'bottle.jpg',
  bytes: 23_000,
  width: 1280,
  height: 960,
};

describe('draftOf', () => {
  it('keeps the prompt, the options and the uploaded image as it was shown', () => {
    const values = { ...DEFAULTS, prompt: 'Slow push in', mode: 'pro' as const, image: URL_OF_UPLOAD };
    expect(draftOf(values, ready, DEFAULTS)).toEqual({
      values,
      image: { origin: 'upload', name: 'bottle.jpg', bytes: 23_000, width: 1280, height: 960 },
    });
  });

  it('keeps no image that is still uploading or has been replaced', () => {
    const uploading: ImageSourceState = {
      kind: 'uploading',
      name: 'a.jpg',
      bytes: 1,
      previewUrl: 'blob:x',
      progress: 0.5,
    };
    const values = { ...DEFAULTS, prompt: 'Orbit', image: URL_OF_UPLOAD };
    expect(draftOf(values, uploading, DEFAULTS)).toEqual({ values: { ...values, image: '' }, image: null });
    expect(draftOf({ ...values, image: 'https://example.com/other.jpg' }, ready, DEFAULTS)?.image).toBeNull();
  });

  it('keeps nothing for an untouched form', () => {
    expect(draftOf(DEFAULTS, { kind: 'empty' }, DEFAULTS)).toBeNull();
  });
});
