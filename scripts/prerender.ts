/**
 * Runs after `vite build`: renders the creator's page with React's server renderer
 * (src/prerender.tsx, built for Node by Vite into a folder it removes after) and writes it into
 * dist/index.html, so the first HTML shows the real form before any script has run. The empty
 * page stays as dist/shell.html for every other address (the server picks, src/server/app.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const ROOT_TAG = '<div id="root"></div>';
const dist = path.resolve('dist');
const indexFile = path.join(dist, 'index.html');
const shellFile = path.join(dist, 'shell.html');

// Inside the project, so the built module finds react-dom and the rest in node_modules.
const outDir = path.resolve('node_modules/.cache/hailuo-prerender');
try {
  await build({
    logLevel: 'warn',
    build: { ssr: 'src/prerender.tsx', outDir, emptyOutDir: true, sourcemap: false },
  });
  const { prerenderCreatorPage } = (await import(pathToFileURL(path.join(outDir, 'prerender.js')).href)) as {
    prerenderCreatorPage: () => Promise<string>;
  };
  // The shell is what `vite build` wrote; a second run starts from it, not from a rendered page.
  const shell =
    fs.existsSync(shellFile) && !fs.readFileSync(indexFile, 'utf8').includes(ROOT_TAG)
      ? fs.readFileSync(shellFile, 'utf8')
      : fs.readFileSync(indexFile, 'utf8');
  if (!shell.includes(ROOT_TAG)) throw new Error(`dist/index.html has no ${ROOT_TAG} to render into`);
  const rendered = await prerenderCreatorPage();
  // React puts the resource hints it found (an image preload) first; they belong in <head>.
  const hints = /^(?:<link [^>]*\/>)*/.exec(rendered)![0];
  const html = rendered.slice(hints.length);
  if (/<script\b/.test(html)) throw new Error('The prerendered page holds a script; the CSP would block it');
  fs.writeFileSync(shellFile, shell);
  fs.writeFileSync(
    indexFile,
    shell.replace('</head>', `${hints}</head>`).replace(ROOT_TAG, `<div id="root">${html}</div>`),
  );
  console.log(`prerendered / into dist/index.html (${(html.length / 1024).toFixed(1)} KB of HTML)`);
} finally {
  fs.rmSync(outDir, { recursive: true, force: true });
}
