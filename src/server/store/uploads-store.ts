import type { ImageContentType } from '@/shared/limits';
import type { AudioContentType } from '@/shared/montage-limits';

export type UploadContentType = ImageContentType | AudioContentType;

/** An image or, for a montage, a soundtrack (issue 21): both kept in the uploads table. */
export interface UploadRecord<C extends UploadContentType = UploadContentType> {
  id: string;
  /** The random name under `media/uploads/`. */
  fileName: string;
  /** The name the person's file had (the multipart file name), sanitized; null when none was sent. */
  originalName: string | null;
  url: string;
  /** 0 for a soundtrack. */
  width: number;
  height: number;
  contentType: C;
  bytes: number;
  createdAt: number;
}

export type ImageUploadRecord = UploadRecord<ImageContentType>;

export interface UploadsStore {
  insert(upload: UploadRecord): Promise<void>;
  get(id: string): Promise<UploadRecord | null>;
  getByFileName(fileName: string): Promise<UploadRecord | null>;
}
