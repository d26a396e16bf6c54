/**
 * The framed photo is what is uploaded and what the task records: the crop drawn on a canvas
 * from the photo already in the browser, sent as a JPEG through the same upload as any photo.
 */
import { uploadImage } from '@/lib/api/upload-image';
import type { CropRect } from './crop-rect';

async function cropToFile(sourceUrl: string, crop: CropRect, name: string): Promise<File> {
  // Read through an <img>, not fetch: the page's CSP lets images (blob: included) load, not connect.
  const photo = new Image();
  photo.src = sourceUrl;
  await photo.decode();
  const canvas = document.createElement('canvas');
  canvas.width = crop.width;
  canvas.height = crop.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the framed photo.');
  // A transparent area is white, as the server makes it.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, crop.width, crop.height);
  context.drawImage(photo, crop.x, crop.y, crop.width, crop.height, 0, 0, crop.width, crop.height);
  const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
  if (!jpeg) throw new Error('This browser could not encode the framed photo.');
  return new File([jpeg], `${name.replace(/\.[a-z0-9]+$/i, '')}-framed.jpg`, { type: 'image/jpeg' });
}

/** Uploads the framed photo; answers its absolute URL. */
export async function uploadFramed(
  sourceUrl: string,
  crop: CropRect,
  name: string,
  signal?: AbortSignal,
): Promise<string> {
  const file = await cropToFile(sourceUrl, crop, name);
  const upload = await uploadImage({ file, signal });
  return new URL(upload.url, window.location.origin).href;
}
