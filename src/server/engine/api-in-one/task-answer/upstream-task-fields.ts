/**
 * Where each part of a task may live in an upstream answer. API in One documents its create
 * answer only; its Hailuo backend is very likely kie.ai's market API (`data.state`, the links in
 * `data.resultJson`, a JSON string), and resellers wrap providers differently (flat, under
 * `data`, `data.task`, MiniMax's `base_resp`, Kling's `task_result`, Replicate's `output`). So
 * the reader tries every known place, most specific first. Keys match whatever their case and
 * separators (`task_id` = `taskId`), and a string holding JSON is read through (read-path.ts):
 * one spelling per key is enough here. docs/upstream.md has the table of shapes.
 */

/** Objects that hold the task itself, in the order a wrapper usually nests them. */
export const TASK_CONTAINERS = [
  '',
  'data.',
  'data.task.',
  'data[0].',
  'task.',
  'output.',
  'result.',
  'data.result.',
  'data.output.',
] as const;

function under(containers: readonly string[], keys: readonly string[]): string[] {
  return containers.flatMap((container) => keys.map((key) => `${container}${key}`));
}

/* Task-named keys first: a wrapper's own `id` (a request id) must not win over `data.task_id`. */
export const ID_PATHS = [
  ...under(TASK_CONTAINERS, ['task_id']),
  ...under(TASK_CONTAINERS, ['id', 'job_id', 'request_id']),
];

export const STATUS_KEYS = ['status', 'state', 'task_status', 'status_text'] as const;

/* Nested first: a wrapper's `status: "success"` means the request worked, not the video. */
export const STATUS_PATHS = [
  ...under(['data.task.', 'data.', 'data[0].', 'task.', 'output.', 'data.result.', 'result.'], STATUS_KEYS),
  ...STATUS_KEYS,
];

export const PROGRESS_PATHS = under(TASK_CONTAINERS, ['progress', 'progress_percent', 'percent', 'percentage']);

/* Where a finished task's result object sits: kie's `resultJson` (a JSON string) and `response`, list items, nested videos. */
const RESULT_CONTAINERS = [
  ...TASK_CONTAINERS,
  'result_json.',
  'data.result_json.',
  'response.',
  'data.response.',
  'data.info.',
  'video_info.',
  'data.video_info.',
  'videos[0].',
  'data.videos[0].',
  'output.videos[0].',
  'data.output.videos[0].',
  'result.videos[0].',
  'data.result.videos[0].',
  'task_result.videos[0].',
  'data.task_result.videos[0].',
  'results[0].',
  'data.results[0].',
  'outputs[0].',
  'data.outputs[0].',
  'video.',
  'data.video.',
  'file.',
  'data.file.',
];

export const VIDEO_URL_PATHS = [
  ...under(RESULT_CONTAINERS, ['video_url', 'download_url', 'result_urls', 'result_url', 'video_urls']),
  ...under(RESULT_CONTAINERS, ['url', 'urls', 'file_url', 'uri']),
  // Whole values that are a link, a list of links, or objects with one.
  ...under(['', 'data.'], ['output', 'outputs', 'result', 'results', 'video', 'videos']),
  'works[0].resource.resource',
  'data.works[0].resource.resource',
];

export const POSTER_URL_PATHS = [
  ...under(RESULT_CONTAINERS, ['cover_url', 'poster_url', 'thumbnail_url', 'cover_image_url', 'last_frame_url']),
  ...under(RESULT_CONTAINERS, ['cover', 'poster', 'thumbnail']),
  'works[0].cover.resource',
  'data.works[0].cover.resource',
];

/* A MiniMax-style success: a file id that only a second, MiniMax-only call turns into a link. */
export const FILE_ID_PATHS = under(RESULT_CONTAINERS, ['file_id']);

const ERROR_CONTAINERS = [...TASK_CONTAINERS, 'base_resp.'];

/* Specific failure fields first: a wrapper's generic `message` is often just "Task failed". */
export const ERROR_TEXT_PATHS = [
  ...under(ERROR_CONTAINERS, [
    'error',
    'error_message',
    'fail_reason',
    'failure_reason',
    'fail_msg',
    'err_msg',
    'task_status_msg',
  ]),
  'errors[0].message',
  ...under(ERROR_CONTAINERS, ['status_msg', 'reason', 'detail', 'message', 'msg']),
];

/* kie's `failCode` beside `failMsg`: kept in the message, support quotes it to the provider. */
export const FAIL_CODE_PATHS = under(TASK_CONTAINERS, ['fail_code', 'error_code']);
