/**
 * Captions and the end card as images, drawn by sharp (Pango text through fontconfig) and laid
 * on by ffmpeg's overlay. Not ffmpeg's drawtext: Pango wraps long lines and needs no escaping,
 * and overlay works in any ffmpeg build, with or without libfreetype. What it needs is one system
 * font (DejaVu or Liberation here; any sans the machine has).
 */
import sharp, { type OverlayOptions } from 'sharp';

interface Frame {
  width: number;
  height: number;
}

/** Text for Pango's markup, which sharp always reads: the person's words can never become markup. */
function escapeMarkup(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

async function textImage(
  text: string,
  px: number,
  width: number,
): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp({
    text: {
      text: `<span foreground="white">${escapeMarkup(text)}</span>`,
      font: `sans bold ${px}`,
      dpi: 72,
      width,
      align: 'centre',
      wrap: 'word',
      rgba: true,
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** A full-frame transparent PNG: the caption centred near the bottom on a dark band that keeps it legible on any clip. */
export async function captionImage(text: string, frame: Frame, outputPath: string): Promise<void> {
  const px = Math.round(Math.min(frame.width, frame.height) * 0.05);
  const pad = Math.round(px * 0.6);
  const maxWidth = Math.round(frame.width * 0.86);
  const words = await textImage(text, px, maxWidth);
  const band = { width: Math.min(frame.width, words.width + pad * 2), height: words.height + pad * 2 };
  const left = Math.round((frame.width - band.width) / 2);
  const top = Math.round(frame.height * 0.88 - band.height);
  const bandSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="${band.width}" height="${band.height}"><rect width="100%" height="100%" rx="${pad}" fill="black" fill-opacity="0.55"/></svg>`;
  await sharp({
    create: { width: frame.width, height: frame.height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
  })
    .composite([
      { input: Buffer.from(bandSvg), left, top },
      { input: words.data, left: Math.round((frame.width - words.width) / 2), top: top + pad },
    ])
    .png()
    .toFile(outputPath);
}

/** The end card: a dark frame with the logo (when given) above the text. */
export async function endCardImage(text: string, logo: Buffer | null, frame: Frame, outputPath: string): Promise<void> {
  const px = Math.round(Math.min(frame.width, frame.height) * 0.075);
  const words = await textImage(text, px, Math.round(frame.width * 0.8));
  const layers: OverlayOptions[] = [];
  let logoHeight = 0;
  const gap = logo ? Math.round(px * 0.8) : 0;
  if (logo) {
    const fitted = await sharp(logo)
      .resize({ width: Math.round(frame.width * 0.4), height: Math.round(frame.height * 0.3), fit: 'inside' })
      .png()
      .toBuffer({ resolveWithObject: true });
    logoHeight = fitted.info.height;
    layers.push({ input: fitted.data, left: Math.round((frame.width - fitted.info.width) / 2), top: 0 });
  }
  const top = Math.round((frame.height - (logoHeight + gap + words.height)) / 2);
  if (layers[0]) layers[0].top = top;
  layers.push({ input: words.data, left: Math.round((frame.width - words.width) / 2), top: top + logoHeight + gap });
  await sharp({ create: { width: frame.width, height: frame.height, channels: 3, background: '#111418' } })
    .composite(layers)
    .png()
    .toFile(outputPath);
}
