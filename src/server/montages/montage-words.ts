/** What a person reads when a montage fails: plain words, never a path or the tool's output (that goes to the log). */
import type { MontageEnding } from '@/server/store/montages-store';

type Failure = Extract<MontageEnding, { status: 'failed' }>['error'];

export function montageFailure(error: unknown): Failure {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC')
    return {
      code: 'insufficient_storage',
      message: 'The server’s disk is full, so the montage could not be saved. Free some space and try again.',
    };
  if (code === 'ENOENT')
    return {
      code: 'render_failed',
      message:
        'A clip, the soundtrack or the logo of this montage is no longer on this server. Make the montage again.',
    };
  return {
    code: 'render_failed',
    message:
      'The montage could not be rendered. Try again; if it fails again, try it without the soundtrack or the logo.',
  };
}
