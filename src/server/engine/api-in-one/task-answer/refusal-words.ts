/**
 * What a refusal from API in One says to the person who reads it, whether it came as an HTTP
 * status or as a code inside a 200 answer (kie's way): who has to act, and how. The tracker adds
 * whether anything was charged.
 */
import type { ApiErrorKind } from './read-api-error';

export interface RefusalWords {
  message: string;
  /** The task's error code when this refusal ends it; undefined for the default (`upstream_error`). */
  taskCode?: string;
}

/**
 * `where` names what said it (`HTTP 402`, `code 455`), `reason` is the upstream's own words.
 * Rate limits and outages say the request was not taken: the caller waits and sends it again.
 */
export function refusalWords(kind: ApiErrorKind, where: string | null, reason: string | null): RefusalWords {
  const at = where ? ` (${where})` : '';
  const because = reason ? `: ${reason}` : '';
  switch (kind) {
    case 'key_refused':
      return {
        message: `API in One refused the API key${at}. The server's administrator should check APIINONE_API_KEY (the key is never shown here).`,
        taskCode: 'upstream_key_refused',
      };
    case 'no_credits':
      return {
        message: `API in One has no credits left on this server's account${at}${because}. Top up in the API in One console, then try again.`,
        taskCode: 'upstream_out_of_credits',
      };
    case 'try_later':
      return {
        message: /\b429\b/.test(where ?? '')
          ? `API in One is limiting how fast we may call it${at}${because}`
          : `API in One is unavailable right now${at}${because}`,
      };
    case 'engine_fault':
      return { message: `API in One failed on its side${at}${because}` };
    case 'refused':
      return { message: `API in One refused the request${at}${reason ? because : ' without saying why'}` };
  }
}
