/**
 * `POST /api/v1/uploads` (multipart field `file`). XMLHttpRequest rather than fetch: only XHR
 * reports upload progress, and a 20 MB photo on a slow uplink needs a progress bar.
 */
import { useMutation } from '@tanstack/react-query';
import { ApiError, toApiError } from '@/lib/api-client';
import { uploadSchema, type Upload } from '@/shared/contract';

export interface UploadImageInput {
  file: File;
  /** 0–1 as bytes leave the browser. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export function uploadImage({ file, onProgress, signal }: UploadImageInput): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/uploads');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const payload = parseJson(xhr.responseText);
      if (xhr.status < 200 || xhr.status >= 300) return reject(toApiError(xhr.status, payload));
      const parsed = uploadSchema.safeParse(payload);
      if (parsed.success) resolve(parsed.data);
      else reject(new ApiError(xhr.status, 'unexpected_response', 'The upload answer was not understood. Try again.'));
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'network', 'The upload could not reach the server. Check your connection and try again.'));
    xhr.onabort = () => reject(new DOMException('The upload was canceled.', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });

    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function useUploadImage() {
  return useMutation({ mutationFn: uploadImage });
}
