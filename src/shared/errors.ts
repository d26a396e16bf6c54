/** Every error code the API answers with; messages are written where the error is raised. */
export const ERROR_CODES = [
  'invalid_json',
  'unsupported_media_type',
  'validation_failed',
  'unsupported_combination',
  'unknown_model',
  'model_not_available',
  'insufficient_credits',
  'image_unreachable',
  'image_invalid',
  'upload_invalid',
  'payload_too_large',
  'not_found',
  /* Asked for finished videos (a ZIP) when none has finished yet. */
  'not_ready',
  'unauthorized',
  'forbidden',
  'rate_limited',
  /* A link the server will not fetch or call: a private or local address, credentials in it. */
  'url_not_allowed',
  'idempotency_conflict',
  'idempotency_in_flight',
  'upstream_error',
  'upstream_unreadable',
  'upstream_timeout',
  /* API in One refused the server's API key (APIINONE_API_KEY). */
  'upstream_key_refused',
  /* The API in One account has no credits left. */
  'upstream_out_of_credits',
  /* The engine reports the video done, but gave no result this server can read: it may be billed. */
  'result_unreadable',
  /* A submit may have reached the engine but its answer never came: it may have made (and billed) the video. */
  'submit_unknown',
  'engine_failed',
  'deadline_exceeded',
  /* A task a person (or an API client) canceled before it finished: never charged. */
  'canceled',
  /* Asked to change a task that has already ended (cancel a finished task). */
  'task_finished',
  /* Asked to do to an unfinished task what only a finished one allows (hide it). */
  'task_unfinished',
  /* "Retry failed" on a batch with no failed task left to retry. */
  'nothing_to_retry',
  /* The server's disk is full: nothing was stored (507), or a task could not save its video. */
  'insufficient_storage',
  'internal_error',
  /* The server cannot answer now (its database is locked or unreachable): retry after Retry-After. */
  'service_unavailable',
  /* A montage (issue 21) could not be rendered. */
  'render_failed',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The endings that need a person: the engine may have made and billed a video we do not have.
 * The task ends `failed` (our ledger charges nothing, since we do not know) with one of these
 * codes, and its JSON carries an `attention` note saying where to look.
 */
export const ATTENTION_CODES = ['result_unreadable', 'submit_unknown'] as const satisfies readonly ErrorCode[];
export type AttentionCode = (typeof ATTENTION_CODES)[number];

export function isAttentionCode(code: string | null | undefined): code is AttentionCode {
  return (ATTENTION_CODES as readonly (string | null | undefined)[]).includes(code);
}
