/**
 * An image as API in One is sure to accept it: a baseline sRGB JPEG of at most 10 MB (kie's
 * Hailuo page; one reseller takes JPEG/PNG only), upright, transparency flattened onto white
 * (a JPEG has no alpha, and black behind a cut-out product would change the video).
 */
import sharp from 'sharp';
import { IMAGE_LIMITS } from '@/shared/limits';
import { ImageRefusal } from './image-refusal';

export interface UpstreamJpeg {
  jpeg: Buffer;
  width: number;
  height: number;
  /** Below 1 when the image had to be made smaller to fit. */
  scale: number;
}

/* Good quality first; most photos fit at once. Then smaller, keeping the short side above Hailuo's minimum. */
const QUALITIES = [90, 82, 74];
const SHRINK = 0.8;
const MAX_SHRINKS = 8;

async function encode(bytes: Buffer, quality: number, scale: number, size: { width: number; height: number }) {
  let image = sharp(bytes, { limitInputPixels: IMAGE_LIMITS.maxPixels, failOn: 'warning' })
    .rotate()
    .flatten({ background: '#ffffff' })
    .toColorspace('srgb');
  if (scale < 1) image = image.resize(Math.round(size.width * scale), Math.round(size.height * scale));
  return image.jpeg({ quality, progressive: false }).toBuffer({ resolveWithObject: true });
}

/** `size` is the image as displayed (after EXIF orientation), from checkImage. */
export async function toUpstreamJpeg(
  bytes: Buffer,
  size: { width: number; height: number },
  maxBytes: number = IMAGE_LIMITS.upstreamMaxBytes,
): Promise<UpstreamJpeg> {
  try {
    for (const quality of QUALITIES) {
      const { data, info } = await encode(bytes, quality, 1, size);
      if (data.length <= maxBytes) return { jpeg: data, width: info.width, height: info.height, scale: 1 };
    }
    let scale = 1;
    for (let shrink = 0; shrink < MAX_SHRINKS; shrink++) {
      scale *= SHRINK;
      if (Math.min(size.width, size.height) * scale <= IMAGE_LIMITS.shortSideAbove) break;
      const { data, info } = await encode(bytes, QUALITIES.at(-1)!, scale, size);
      if (data.length <= maxBytes) return { jpeg: data, width: info.width, height: info.height, scale };
    }
  } catch {
    throw new ImageRefusal(
      'image_invalid',
      'The reference image is damaged or incomplete and could not be read. Export it again as a JPEG, PNG or WebP.',
    );
  }
  throw new ImageRefusal(
    'image_invalid',
    `The reference image could not be made into a JPEG of at most ${maxBytes / 1024 / 1024} MB that Hailuo accepts. Use a simpler or smaller image.`,
  );
}
