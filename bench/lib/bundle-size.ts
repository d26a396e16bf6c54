/** Sizes of the production build: what the browser must load before the first paint, and what it loads later. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface BundleSizes {
  initialJs: { files: string[]; gzipBytes: number };
  css: { files: string[]; gzipBytes: number };
  lazyJs: { files: string[]; gzipBytes: number };
}

function gzipSize(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

function sum(distDir: string, files: string[]): number {
  return files.reduce((total, file) => total + gzipSize(path.join(distDir, file)), 0);
}

/** Initial = the entry script and every chunk `index.html` preloads; everything else under assets is lazy. */
export function measureBundle(distDir: string): BundleSizes {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const refs = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]!.replace(/^\//, ''));
  const initial = [
    ...new Set([
      ...refs(/<script[^>]+src="([^"]+\.js)"/g),
      ...refs(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
    ]),
  ];
  const css = refs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g);
  const allJs = fs
    .readdirSync(path.join(distDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const lazy = allJs.filter((f) => !initial.includes(f));
  return {
    initialJs: { files: initial, gzipBytes: sum(distDir, initial) },
    css: { files: css, gzipBytes: sum(distDir, css) },
    lazyJs: { files: lazy, gzipBytes: sum(distDir, lazy) },
  };
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
