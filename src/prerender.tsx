/**
 * Build-time only (scripts/prerender.ts): the creator's page rendered by React's own server
 * renderer, so the first HTML already shows the form and the gallery's frame. `prerender` waits
 * for every lazy piece (the form's code loads on demand in the browser) before it answers.
 */
import { StrictMode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { Router } from 'wouter';
import { App } from '@/app/app';
import { PRERENDERED_PATH } from '@/app/prerendered-location';

export async function prerenderCreatorPage(): Promise<string> {
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <Router ssrPath={PRERENDERED_PATH} ssrSearch="">
        <App />
      </Router>
    </StrictMode>,
    // One piece: React would otherwise move large boundaries to the end of the page and reveal
    // them with an inline script, which our Content-Security-Policy does not run.
    { progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}
