/** The sample product photo in public/, fetched as a File so it goes through the normal upload. */
import { ApiError } from '@/lib/api-client';

export const SAMPLE_IMAGE_PATH = '/sample-product.jpg';
export const SAMPLE_PROMPT =
  'Slow cinematic push-in on the product, soft studio light sweeping across it, gentle reflections, shallow depth of field';

export async function getSampleImage(signal?: AbortSignal): Promise<File> {
  const response = await fetch(SAMPLE_IMAGE_PATH, { signal }).catch(() => null);
  if (!response?.ok)
    throw new ApiError(
      response?.status ?? 0,
      'network',
      'The sample image could not be loaded. Reload the page and try again.',
    );
  const blob = await response.blob();
  return new File([blob], 'sample-product.jpg', { type: 'image/jpeg' });
}
