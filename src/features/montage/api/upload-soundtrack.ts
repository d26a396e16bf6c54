/** A soundtrack through `POST /api/v1/uploads` (the server tells it from an image by its bytes). */
import { apiFetch } from '@/lib/api-client';
import { audioUploadSchema, type AudioUpload } from '@/shared/montage-contract';

export function uploadSoundtrack(file: File, signal?: AbortSignal): Promise<AudioUpload> {
  const body = new FormData();
  body.append('file', file, file.name);
  return apiFetch('/api/v1/uploads', { method: 'POST', schema: audioUploadSchema, body, signal });
}
