import type { ImageContentType } from '@/shared/limits';

export interface UploadRecord {
  id: string;
  /** The random name under `media/uploads/`. */
  fileName: string;
  /** The name the person's file had (the multipart file name), sanitized; null when none was sent. */
  originalName: string | null;
  url: string;
  width: number;
  height: number;
  contentType: ImageContentType;
  bytes: number;
  createdAt: number;
}

export interface UploadsStore {
  insert(upload: UploadRecord): Promise<void>;
  get(id: string): Promise<UploadRecord | null>;
  getByFileName(fileName: string): Promise<UploadRecord | null>;
}
