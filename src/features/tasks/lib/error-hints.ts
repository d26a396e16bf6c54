/**
 * What a task's error code means for the person asking "what happened to my video?". The
 * server's message says what went wrong for this task; the hint says what kind of problem it
 * is and what to try. Codes come from src/shared/errors.ts.
 */
import type { ErrorCode } from '@/shared/errors';

const HINTS: Partial<Record<ErrorCode, string>> = {
  engine_failed:
    'The video engine could not make this video. Trying again usually works (Reuse settings fills the form); if it fails again, try another image or prompt.',
  upstream_error: 'API in One refused or failed the job. Read the upstream exchanges below for its exact answer.',
  upstream_unreadable:
    'API in One answered in a shape this server does not understand. The raw answers below show what it sent.',
  upstream_timeout: 'API in One did not answer in time. Try again when the service is responsive.',
  deadline_exceeded: 'The job took far longer than a video should, so the server stopped waiting. Try again.',
  image_unreachable:
    'The reference image could not be downloaded. Check that the link opens in a browser, or upload the file instead.',
  image_invalid:
    'The reference image was not accepted (type, size or shape). Use a JPEG, PNG or WebP under 20 MB, its short side over 300 px, its shape between 2:5 and 5:2.',
  upstream_key_refused:
    'API in One refused the API key this server uses. The server’s administrator checks APIINONE_API_KEY; nothing was made or charged.',
  upstream_out_of_credits:
    'The API in One account behind this server has no credits left. Top it up in the API in One console, then try again; nothing was charged here.',
  insufficient_credits: 'There were not enough credits when the job ran. Top up and try again.',
  model_not_available: 'The model was not available for this job. Try again later.',
  internal_error: 'The server had a problem with this job. Try again; if it repeats, check the server log.',
};

const FALLBACK = 'The job ended with an error. The timeline and upstream exchanges below show where.';

export function errorHint(code: string): string {
  return HINTS[code as ErrorCode] ?? FALLBACK;
}
