/** The list's opaque cursor: the (created_at, id) of the last item of a page. */
import { HttpError } from '@/server/http/http-error';

export function encodeCursor(createdAt: number, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: number; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof createdAt === 'number' &&
      Number.isSafeInteger(createdAt) &&
      typeof id === 'string' &&
      id.length <= 100
    ) {
      return { createdAt, id };
    }
  } catch {
    // falls through to the refusal
  }
  throw new HttpError(
    400,
    'validation_failed',
    'The cursor is not valid. Start again from the first page (no cursor).',
  );
}
