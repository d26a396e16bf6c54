/** `POST /api/v1/images/inspect`: the server fetches a linked image and says whether Hailuo can use it. */
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { imageInfoSchema, type ImageInfo } from '@/shared/contract';

export function inspectImage(url: string, signal?: AbortSignal): Promise<ImageInfo> {
  return apiFetch('/api/v1/images/inspect', { method: 'POST', schema: imageInfoSchema, body: { url }, signal });
}

export function useInspectImage() {
  return useMutation({
    mutationFn: ({ url, signal }: { url: string; signal?: AbortSignal }) => inspectImage(url, signal),
  });
}
