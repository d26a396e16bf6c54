/**
 * Checks a picked file the way the server will (type from its bytes, size, dimensions), so a
 * wrong one is refused before a byte is uploaded. Shared by the single form and the batch form.
 */
import { imageSizeProblem } from '@/shared/limits';
import { checkImageFile } from './check-image';

async function decodeSize(file: Blob): Promise<{ width: number; height: number } | null> {
  try {
    const bitmap = await createImageBitmap(file);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size;
  } catch {
    return null;
  }
}

/** A sentence to show next to the file, or null when the server should accept it. */
export async function precheckImage(file: File): Promise<string | null> {
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const check = checkImageFile(file, head);
  if (!check.ok) return check.message;
  const size = await decodeSize(file);
  if (!size) return `“${file.name}” could not be read as an image. It may be damaged; try exporting it again.`;
  return imageSizeProblem(size.width, size.height);
}
