import type { UploadsStore } from '@/server/store/uploads-store';
import { uploadFileNameOf } from './read-image';

/*
 * An upload link of ours whose file is gone would fail later, after the wait: submit routes
 * refuse it at once. Links elsewhere are fetched (and checked) when the task runs.
 */
export async function isMissingOwnUpload(image: string, origin: string, uploads: UploadsStore): Promise<boolean> {
  const fileName = uploadFileNameOf(image);
  if (new URL(image).origin !== origin || !fileName) return false;
  return (await uploads.getByFileName(fileName)) === null;
}
