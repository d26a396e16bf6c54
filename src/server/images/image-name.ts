/** The photo's own name for a task's image: what its upload was called, or a link's last path segment. */
import { photoNameOfLink } from '@/shared/photo-name';
import type { UploadsStore } from '@/server/store/uploads-store';
import { uploadFileNameOf } from './read-image';

/* An upload of ours is named by the file the person sent, never by the random name we stored it under. */
export async function imageNameOf(image: string, origin: string, uploads: UploadsStore): Promise<string | null> {
  const fileName = uploadFileNameOf(image);
  if (fileName && new URL(image).origin === origin) {
    return (await uploads.getByFileName(fileName))?.originalName ?? null;
  }
  return photoNameOfLink(image);
}
