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
  'engine_failed',
  'deadline_exceeded',
  /* The server's disk is full: nothing was stored (507), or a task could not save its video. */
  'insufficient_storage',
  'internal_error',
  /* The server cannot answer now (its database is locked or unreachable): retry after Retry-After. */
  'service_unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
