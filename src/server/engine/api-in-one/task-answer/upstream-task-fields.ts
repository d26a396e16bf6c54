/**
 * Where each part of a task may live in an upstream answer. The real API in One shape is not
 * documented, and resellers wrap providers differently (flat, under `data`, under
 * `data.task`, MiniMax's `base_resp`, Kling's `task_result`, Kie's `resultUrls`), so the
 * reader tries every known place, most specific first.
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
  ...under(TASK_CONTAINERS, ['task_id', 'taskId', 'taskID']),
  ...under(TASK_CONTAINERS, ['id', 'job_id', 'jobId', 'request_id', 'requestId']),
];

export const STATUS_KEYS = ['status', 'state', 'task_status', 'taskStatus', 'status_text'] as const;

/* Nested first: a wrapper's `status: "success"` means the request worked, not the video. */
export const STATUS_PATHS = [
  ...under(['data.task.', 'data.', 'data[0].', 'task.', 'output.', 'data.result.', 'result.'], STATUS_KEYS),
  ...STATUS_KEYS,
];

export const PROGRESS_PATHS = under(TASK_CONTAINERS, [
  'progress',
  'progress_percent',
  'progressPercent',
  'percent',
  'percentage',
]);

const RESULT_CONTAINERS = [
  ...TASK_CONTAINERS,
  'videos[0].',
  'data.videos[0].',
  'result.videos[0].',
  'data.result.videos[0].',
  'task_result.videos[0].',
  'data.task_result.videos[0].',
  'video.',
  'data.video.',
  'file.',
  'data.file.',
];

export const VIDEO_URL_PATHS = [
  ...under(RESULT_CONTAINERS, ['video_url', 'videoUrl', 'download_url', 'downloadUrl']),
  ...under(RESULT_CONTAINERS, ['url', 'file_url', 'fileUrl', 'uri']),
  'output',
  'data.output',
  'result',
  'data.result',
  'video',
  'data.video',
  'videos',
  'data.videos',
  'resultUrls',
  'data.resultUrls',
  'data.response.resultUrls',
  'data.info.resultUrls',
  'works[0].resource.resource',
  'data.works[0].resource.resource',
];

export const POSTER_URL_PATHS = [
  ...under(RESULT_CONTAINERS, [
    'cover_url',
    'coverUrl',
    'poster_url',
    'posterUrl',
    'thumbnail_url',
    'thumbnailUrl',
    'cover_image_url',
    'last_frame_url',
  ]),
  ...under(RESULT_CONTAINERS, ['cover', 'poster', 'thumbnail']),
  'works[0].cover.resource',
  'data.works[0].cover.resource',
];

const ERROR_CONTAINERS = [...TASK_CONTAINERS, 'base_resp.'];

/* Specific failure fields first: a wrapper's generic `message` is often just "Task failed". */
export const ERROR_TEXT_PATHS = [
  ...under(ERROR_CONTAINERS, [
    'error',
    'error_message',
    'errorMessage',
    'fail_reason',
    'failReason',
    'failure_reason',
    'failMsg',
    'fail_msg',
    'err_msg',
    'errMsg',
    'task_status_msg',
  ]),
  'errors[0].message',
  ...under(ERROR_CONTAINERS, ['status_msg', 'reason', 'detail', 'message', 'msg']),
];
