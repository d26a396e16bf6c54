/** Real image files for the browser tests, drawn with sharp, plus files that only pretend to be images. */
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/** A landscape with a sun: enough detail that the local engine's camera motion is visible. */
function sceneSvg(width: number, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#1e3a8a"/><stop offset="1" stop-color="#f59e0b"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#sky)"/>
  <circle cx="${width * 0.7}" cy="${height * 0.45}" r="${height * 0.14}" fill="#fde68a"/>
  <path d="M0 ${height * 0.75} Q ${width * 0.25} ${height * 0.55} ${width * 0.5} ${height * 0.72} T ${width} ${height * 0.68} V ${height} H 0 Z" fill="#14532d"/>
  <path d="M0 ${height * 0.88} Q ${width * 0.4} ${height * 0.74} ${width} ${height * 0.9} V ${height} H 0 Z" fill="#052e16"/>
</svg>`;
}

export async function writeSceneImage(
  dir: string,
  name: string,
  { width, height, format }: { width: number; height: number; format: 'png' | 'jpeg' },
): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  const image = sharp(Buffer.from(sceneSvg(width, height)));
  await (format === 'png' ? image.png() : image.jpeg({ quality: 85 })).toFile(file);
  return file;
}

/** An SVG saved under a .png name: the name lies, the bytes do not. */
export async function writeSvgNamedPng(dir: string, name: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await fs.writeFile(file, sceneSvg(800, 600));
  return file;
}

export async function writeTextFile(dir: string, name: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await fs.writeFile(file, 'This is a shopping list, not a picture.\n');
  return file;
}
