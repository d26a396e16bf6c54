import { describe, expect, it } from 'vitest';
import { readUpstreamTask, type ReadUpstreamTaskContext } from './read-upstream-task';
import { UpstreamError } from '../upstream-error';

const CANARY = 'aio_canary_READER_7f3e2b9c1d';
const create: ReadUpstreamTaskContext = { operation: 'create', httpStatus: 200, secrets: [CANARY] };
const get: ReadUpstreamTaskContext = { operation: 'get', httpStatus: 200, secrets: [CANARY], requestedId: 'asked-1' };
const VIDEO = 'https://cdn.example.test/v/clip.mp4?sig=abc';
const POSTER = 'https://cdn.example.test/v/clip.jpg';

function readError(body: unknown, context: ReadUpstreamTaskContext): UpstreamError {
  try {
    readUpstreamTask(body, context);
  } catch (error) {
    expect(error).toBeInstanceOf(UpstreamError);
    return error as UpstreamError;
  }
  throw new Error('expected the reader to throw');
}

describe('readUpstreamTask: the task id of a submit', () => {
  it.each<[string, unknown, string]>([
    ['flat task_id', { task_id: 't-1', status: 'pending' }, 't-1'],
    ['camelCase taskId', { taskId: 't-2' }, 't-2'],
    ['plain id', { id: 't-3', status: 'queued' }, 't-3'],
    ['numeric id', { id: 12345 }, '12345'],
    ['data.task_id', { code: 200, msg: 'success', data: { task_id: 't-4' } }, 't-4'],
    ['data.taskId (Kie style)', { code: 200, msg: 'success', data: { taskId: 't-5' } }, 't-5'],
    ['data.id', { data: { id: 't-6', status: 'submitted' } }, 't-6'],
    ['data.task.id', { data: { task: { id: 't-7', status: 'queued' } } }, 't-7'],
    ['data[0].task_id', { data: [{ task_id: 't-8' }] }, 't-8'],
    [
      'output.task_id (DashScope style)',
      { request_id: 'req-1', output: { task_id: 't-9', task_status: 'PENDING' } },
      't-9',
    ],
    [
      'MiniMax with base_resp',
      { task_id: '106916112212032', base_resp: { status_code: 0, status_msg: 'success' } },
      '106916112212032',
    ],
    ['a task id wins over a wrapper id', { id: 'req-99', data: { task_id: 't-10' } }, 't-10'],
    ['trims whitespace', { task_id: '  t-11 ' }, 't-11'],
  ])('%s', (_name, body, id) => {
    const state = readUpstreamTask(body, create);
    expect(state.upstreamTaskId).toBe(id);
    expect(state.httpStatus).toBe(200);
  });

  it('treats a submit answer without a status as queued', () => {
    expect(readUpstreamTask({ data: { taskId: 'x' } }, create)).toMatchObject({ status: 'queued', progress: null });
  });

  it.each<[string, unknown]>([
    ['empty object', {}],
    ['empty id', { task_id: '' }],
    ['id with spaces', { task_id: 'not an id' }],
    ['id as object', { id: { nested: true } }],
    ['negative number', { id: -4 }],
  ])('refuses a submit answer with no usable id (%s)', (_name, body) => {
    const error = readError(body, create);
    expect(error.code).toBe('upstream_unreadable');
    expect(error.message).toMatch(/no task id/);
    expect(error.transient).toBe(false);
    expect(error.raw).toEqual(body);
  });

  it('uses the id it asked about when a poll does not repeat it', () => {
    expect(readUpstreamTask({ status: 'processing' }, get).upstreamTaskId).toBe('asked-1');
  });
});

describe('readUpstreamTask: status and progress', () => {
  it.each<[string, unknown, string]>([
    ['flat status', { task_id: 'a', status: 'processing' }, 'running'],
    ['state', { id: 'a', state: 'waiting' }, 'queued'],
    ['task_status (Kling)', { data: { task_id: 'a', task_status: 'submitted' } }, 'queued'],
    ['MiniMax Preparing', { task_id: 'a', status: 'Preparing', base_resp: { status_code: 0 } }, 'queued'],
    ['MiniMax Processing', { task_id: 'a', status: 'Processing', base_resp: { status_code: 0 } }, 'running'],
    ['MiniMax Fail', { task_id: 'a', status: 'Fail', base_resp: { status_code: 0, status_msg: 'success' } }, 'failed'],
    ['nested data.status', { code: 0, data: { id: 'a', status: 'IN_PROGRESS' } }, 'running'],
    ['nested data.state', { data: { state: 'queueing' } }, 'queued'],
    ['DashScope output.task_status', { output: { task_id: 'a', task_status: 'RUNNING' } }, 'running'],
    ['cancelled spelling', { id: 'a', status: 'cancelled' }, 'canceled'],
  ])('%s', (_name, body, status) => {
    expect(readUpstreamTask(body, get).status).toBe(status);
  });

  it('prefers the status beside the id over a wrapper status', () => {
    const body = { status: 'success', data: { task_id: 'a', status: 'processing' } };
    expect(readUpstreamTask(body, get).status).toBe('running');
  });

  it('prefers a nested status when the id is not repeated', () => {
    expect(readUpstreamTask({ status: 'ok', data: { status: 'queued' } }, get).status).toBe('queued');
  });

  it.each<[unknown, number | null]>([
    [0.45, 45],
    [45, 45],
    ['45%', 45],
    [' 12.5 % ', 12.5],
    ['0.3', 30],
    ['70', 70],
    [150, 100],
    [-3, null],
    ['soon', null],
    [Number.NaN, null],
  ])('reads progress %j as %j', (progress, expected) => {
    expect(readUpstreamTask({ id: 'a', status: 'running', progress }, get).progress).toBe(expected);
  });

  it('reads progress nested under data', () => {
    expect(readUpstreamTask({ data: { id: 'a', status: 'running', progress: '62%' } }, get).progress).toBe(62);
  });

  it('sets progress to 100 on success', () => {
    expect(readUpstreamTask({ id: 'a', status: 'completed', progress: 0.2, video_url: VIDEO }, get).progress).toBe(100);
  });

  it('refuses an unknown status word and keeps the raw answer', () => {
    const body = { id: 'a', status: 'exploded' };
    const error = readError(body, get);
    expect(error.code).toBe('upstream_unreadable');
    expect(error.message).toContain('unknown status "exploded"');
    expect(error.raw).toEqual(body);
  });

  it('refuses a poll answer without any status', () => {
    expect(readError({ id: 'a', progress: 10 }, get).message).toMatch(/no task status/);
  });

  it.each([[null], ['<html>'], [42], [[{ task_id: 'a' }]]])('refuses a non-object answer %j', (body) => {
    const error = readError(body, get);
    expect(error.code).toBe('upstream_unreadable');
    expect(error.message).toMatch(/expected a JSON object/);
  });
});

describe('readUpstreamTask: result links', () => {
  const succeeded = (extra: object) => ({ id: 'a', status: 'succeeded', ...extra });
  it.each<[string, unknown]>([
    ['video_url', succeeded({ video_url: VIDEO })],
    ['url', succeeded({ url: VIDEO })],
    ['output as string', succeeded({ output: VIDEO })],
    ['output as array (Replicate)', succeeded({ output: [VIDEO] })],
    ['output.video_url', succeeded({ output: { video_url: VIDEO } })],
    ['result.video_url', succeeded({ result: { video_url: VIDEO } })],
    ['result.url', succeeded({ result: { url: VIDEO } })],
    ['videos[0].url', succeeded({ videos: [{ url: VIDEO }] })],
    ['file_url', succeeded({ file_url: VIDEO })],
    ['MiniMax file.download_url', succeeded({ file: { download_url: VIDEO } })],
    ['data.video_url', { data: { task_id: 'a', status: 'SUCCESS', video_url: VIDEO } }],
    ['data.result.video_url', { data: { task_id: 'a', status: 'success', result: { video_url: VIDEO } } }],
    ['data.output[0]', { data: { task_id: 'a', status: 'done', output: [VIDEO] } }],
    [
      'data.works[0].resource.resource',
      { data: { id: 'a', status: 'finished', works: [{ resource: { resource: VIDEO } }] } },
    ],
    [
      'Kling task_result',
      { data: { task_id: 'a', task_status: 'succeed', task_result: { videos: [{ id: 'v', url: VIDEO }] } } },
    ],
    ['Kie resultUrls', { data: { taskId: 'a', state: 'success', response: { resultUrls: [VIDEO] } } }],
  ])('finds the video in %s', (_name, body) => {
    const state = readUpstreamTask(body, get);
    expect(state.status).toBe('succeeded');
    expect(state.videoUrl).toBe(VIDEO);
    expect(state.error).toBeNull();
  });

  it.each<[string, object]>([
    ['cover_url', { cover_url: POSTER }],
    ['poster_url', { poster_url: POSTER }],
    ['thumbnail_url', { thumbnail_url: POSTER }],
    ['result.cover_url', { result: { video_url: VIDEO, cover_url: POSTER } }],
    ['videos[0].thumbnail_url', { videos: [{ url: VIDEO, thumbnail_url: POSTER }] }],
  ])('finds the poster in %s', (_name, extra) => {
    const state = readUpstreamTask({ id: 'a', status: 'succeeded', video_url: VIDEO, ...extra }, get);
    expect(state.posterUrl).toBe(POSTER);
  });

  it('leaves the poster null when there is none', () => {
    expect(readUpstreamTask({ id: 'a', status: 'succeeded', video_url: VIDEO }, get).posterUrl).toBeNull();
  });

  it.each<[string, object]>([
    ['no link at all', { id: 'a', status: 'succeeded' }],
    ['only a MiniMax file_id', { task_id: 'a', status: 'Success', file_id: '205258526306433' }],
    ['a relative link', { id: 'a', status: 'succeeded', video_url: '/files/clip.mp4' }],
    ['a non-http link', { id: 'a', status: 'succeeded', video_url: 'ftp://cdn.example.test/clip.mp4' }],
    ['a javascript: link', { id: 'a', status: 'succeeded', url: 'javascript:alert(1)' }],
  ])('refuses a success with %s', (_name, body) => {
    const error = readError(body, get);
    expect(error.code).toBe('upstream_unreadable');
    expect(error.message).toMatch(/succeeded but no video URL/);
  });

  it('does not report a link for a task that is still running', () => {
    expect(readUpstreamTask({ id: 'a', status: 'running', video_url: VIDEO }, get).videoUrl).toBeNull();
  });
});

describe('readUpstreamTask: failures', () => {
  it.each<[string, unknown, string]>([
    ['error string', { id: 'a', status: 'failed', error: 'Content policy violation' }, 'Content policy violation'],
    [
      'error.message',
      { id: 'a', status: 'failed', error: { code: 'E1', message: 'Image too small' } },
      'Image too small',
    ],
    ['fail_reason', { id: 'a', status: 'failed', fail_reason: 'Timed out' }, 'Timed out'],
    ['message', { id: 'a', status: 'error', message: 'GPU exploded' }, 'GPU exploded'],
    ['data.error', { data: { id: 'a', status: 'failed', error: 'Bad frame' } }, 'Bad frame'],
    ['Kie failMsg', { code: 200, msg: 'success', data: { taskId: 'a', state: 'fail', failMsg: 'NSFW' } }, 'NSFW'],
    [
      'MiniMax base_resp.status_msg',
      { task_id: 'a', status: 'Fail', base_resp: { status_code: 1027, status_msg: 'output video sensitive' } },
      'output video sensitive',
    ],
    [
      'a specific reason over a generic message',
      { message: 'Task failed', data: { id: 'a', status: 'failed', fail_reason: 'Face detected' } },
      'Face detected',
    ],
  ])('reads the reason from %s', (_name, body, message) => {
    const state = readUpstreamTask(body, get);
    expect(state.status).toBe('failed');
    expect(state.error).toEqual({ code: 'upstream_error', message });
  });

  it('gives a clear default when the upstream says no reason', () => {
    const state = readUpstreamTask({ id: 'a', status: 'failed', message: 'success' }, get);
    expect(state.error?.message).toMatch(/without giving a reason/);
  });

  it('keeps a canceled task without inventing an error', () => {
    expect(readUpstreamTask({ id: 'a', status: 'canceled' }, get).error).toBeNull();
  });

  it('returns a submit that was created and failed at once as a failed task', () => {
    const state = readUpstreamTask({ task_id: 'a', status: 'failed', error: 'Image rejected' }, create);
    expect(state).toMatchObject({ upstreamTaskId: 'a', status: 'failed', error: { message: 'Image rejected' } });
  });
});

describe('readUpstreamTask: errors wrapped in HTTP 200', () => {
  it.each<[string, unknown, string, boolean]>([
    ['code/msg', { code: 1002, msg: 'Parameter image is invalid' }, 'upstream_rejected', false],
    [
      'code/message with data null',
      { code: 400, message: 'model not supported', data: null },
      'upstream_rejected',
      false,
    ],
    [
      'success:false',
      { success: false, error: { code: 'bad_input', message: 'prompt too long' } },
      'upstream_rejected',
      false,
    ],
    ['ok:false', { ok: false, message: 'Insufficient credits' }, 'upstream_rejected', false],
    ['bare error', { error: 'Insufficient credits' }, 'upstream_rejected', false],
    ['errors array', { errors: [{ message: 'image unreachable' }] }, 'upstream_rejected', false],
    [
      'MiniMax 2013',
      { task_id: '', base_resp: { status_code: 2013, status_msg: 'invalid params' } },
      'upstream_rejected',
      false,
    ],
    ['MiniMax rate limit', { base_resp: { status_code: 1002, status_msg: 'rate limit' } }, 'upstream_error', true],
    ['server code 503', { code: 503, msg: 'busy, try later' }, 'upstream_error', true],
    ['string code', { code: 'invalid_request', message: 'duration must be 6 or 10' }, 'upstream_rejected', false],
  ])('recognizes %s as an error', (_name, body, code, transient) => {
    for (const context of [create, get]) {
      const error = readError(body, context);
      expect(error.code).toBe(code);
      expect(error.transient).toBe(transient);
      expect(error.httpStatus).toBe(200);
      expect(error.raw).toEqual(body);
    }
  });

  it('puts the upstream reason in the message', () => {
    expect(readError({ code: 1002, msg: 'Parameter image is invalid' }, create).message).toBe(
      'API in One refused the request (code 1002): Parameter image is invalid',
    );
  });

  it.each([
    [{ code: 401, msg: `invalid key ${CANARY}` }],
    [{ base_resp: { status_code: 1004, status_msg: `authentication failed for ${CANARY}` } }],
    [{ success: false, error: { code: 'invalid_api_key', message: `Key ${CANARY} is not valid` } }],
  ])('says the key was refused, without the key (%j)', (body) => {
    const error = readError(body, create);
    expect(error.code).toBe('upstream_rejected');
    expect(error.message).toMatch(/refused the API key/);
    expect(error.message).not.toContain(CANARY);
    expect(JSON.stringify(error.raw)).not.toContain(CANARY);
  });

  it('refuses a failed submit without an id as a rejection, with its reason', () => {
    const error = readError({ status: 'error', message: 'prompt blocked' }, create);
    expect(error.code).toBe('upstream_rejected');
    expect(error.message).toContain('prompt blocked');
  });

  it('reads a poll whose wrapper code is fine as the task', () => {
    const body = { code: 0, message: 'ok', data: { task_id: 'a', status: 'running', progress: 0.5 } };
    expect(readUpstreamTask(body, get)).toMatchObject({ status: 'running', progress: 50, error: null });
  });

  it('reads a failed poll with a wrapper error as a failed task', () => {
    const body = { code: 5001, msg: 'generation failed: face', data: { task_id: 'a', status: 'failed' } };
    expect(readUpstreamTask(body, get)).toMatchObject({
      status: 'failed',
      error: { message: 'generation failed: face' },
    });
  });
});

describe('readUpstreamTask: secrets', () => {
  it('redacts the key from the raw answer, the id-less error and the failure reason', () => {
    const body = {
      id: 'a',
      status: 'failed',
      error: `upstream said: bad key ${CANARY}`,
      echo: { headers: { Authorization: `Bearer ${CANARY}` }, api_key: CANARY },
    };
    const state = readUpstreamTask(body, get);
    expect(JSON.stringify(state)).not.toContain(CANARY);
    expect(state.error?.message).toBe('upstream said: bad key [redacted]');
  });

  it('redacts the key from an unreadable answer', () => {
    const error = readError({ id: 'a', status: CANARY }, get);
    expect(error.message).not.toContain(CANARY);
    expect(JSON.stringify(error.raw)).not.toContain(CANARY);
  });
});
