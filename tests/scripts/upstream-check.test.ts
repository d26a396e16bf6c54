/**
 * `npm run upstream:check` as a person with a key would run it, but aimed at the fake upstream
 * over real HTTP (--base-url) and agreed beforehand (--yes): it submits once, polls to the end,
 * saves every answer without the key, and names the shapes it met and what our reader made of
 * them. Without --yes and without a terminal it refuses before sending anything.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeUpstream, type FakeRequest } from '../fakes/fake-upstream';
import { CANARY_KEY } from '../support/test-client';

const SCRIPT = 'scripts/upstream-check.ts';
const VIDEO = 'https://tempfile.aiquickdraw.com/v/n51check_hailuo.mp4';
let fake: FakeUpstream;
let dir: string;

beforeAll(async () => {
  fake = await FakeUpstream.start();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upstream-check-'));
});
afterAll(async () => {
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => fake.reset());

function runCheck(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], {
      env: { PATH: process.env.PATH ?? '', APIINONE_API_KEY: CANARY_KEY, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/* What a person with a key would type, aimed at the fake and agreed beforehand (the image is never fetched by the fake). */
const agreed = (out: string) => [
  ...['--base-url', fake.baseUrl, '--image', 'https://example.com/photo.jpg'],
  ...['--yes', '--out', out, '--poll-ms', '10'],
];

/* kie's task detail, as API in One very likely relays it; it echoes the key, as a careless relay might. */
const detail =
  (state: string, extra: object = {}) =>
  (request: FakeRequest) => ({
    json: {
      code: 200,
      message: 'success',
      data: { taskId: 'n51check_hailuo', state, echo: request.headers.authorization, ...extra },
    },
  });

describe('npm run upstream:check', () => {
  it('submits once, polls to the end, saves every answer without the key, names the shapes', async () => {
    fake
      .on('POST', '/api/v1/videos/generations', (request) => ({
        json: {
          code: 200,
          message: 'success',
          data: { task_id: 'n51check_hailuo', status: 'IN_PROGRESS', seen: request.headers.authorization },
        },
      }))
      .on(
        'GET',
        '/api/v1/tasks/n51check_hailuo',
        detail('waiting'),
        detail('generating'),
        detail('success', { resultJson: JSON.stringify({ resultUrls: [VIDEO] }) }),
      );
    const out = path.join(dir, 'check.json');
    const { code, output } = await runCheck(agreed(out));

    expect(code, output).toBe(0);
    expect(output).toContain('30 credits (about $0.30)');
    expect(fake.requestsTo('POST', '/api/v1/videos/generations')).toHaveLength(1);
    expect(fake.requestsTo('GET', '/api/v1/tasks/n51check_hailuo')).toHaveLength(3);
    const saved = fs.readFileSync(out, 'utf8');
    expect(saved).not.toContain(CANARY_KEY);
    const report = JSON.parse(saved) as {
      shapes: string[];
      summary: object;
      answers: { found: object; reading: object }[];
    };
    expect(report.summary).toEqual({ answers: 4, understood: 4, not_understood: 0 });
    expect(report.shapes).toEqual([
      'create {code, message, data:{task_id, status, seen}}',
      'get {code, message, data:{taskId, state, echo}}',
      'get {code, message, data:{taskId, state, echo, resultJson:{resultUrls:[string]}}}',
    ]);
    expect(report.answers[0]).toMatchObject({
      found: { id: 'data.task_id', status: 'data.status' },
      reading: { status: 'running' },
    });
    expect(report.answers[3]).toMatchObject({
      found: { video: 'data.result_json.result_urls' },
      reading: { understood: true, status: 'succeeded', video_url: VIDEO },
    });
    expect(output).toMatch(/found: id ← data\.task_id, status ← data\.status/);
    expect(output).toContain('Our reader understood 4 of 4 answers.');
  }, 60_000);

  it('says plainly which answers it did not understand, and exits with a failure', async () => {
    fake
      .on('POST', '/api/v1/videos/generations', { json: { code: 200, data: { task_id: 'n51check_hailuo' } } })
      .on('GET', '/api/v1/tasks/n51check_hailuo', detail('success', { resultJson: '{}' }));
    const out = path.join(dir, 'unread.json');
    const { code, output } = await runCheck(agreed(out));
    expect(code, output).toBe(3);
    expect(output).toMatch(
      /NOT understood \(it says done\): API in One reports the task as succeeded but no video URL/,
    );
    expect(output).toContain('5 answers in a row were not understood; stopping.');
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).summary).toEqual({ answers: 6, understood: 1, not_understood: 5 });
  }, 60_000);

  it('refuses to spend credits without a terminal unless told --yes, and sends nothing', async () => {
    const { code, output } = await runCheck(['--base-url', fake.baseUrl, '--image', 'https://example.com/photo.jpg']);
    expect(code).toBe(1);
    expect(output).toContain('Not asking without a terminal');
    expect(fake.requests).toHaveLength(0);
  }, 60_000);

  it('needs --image and a key before anything else', async () => {
    const noImage = await runCheck(['--base-url', fake.baseUrl, '--yes']);
    expect(noImage.code).toBe(2);
    expect(noImage.output).toContain('--image <url>');
    const noKey = await runCheck(['--base-url', fake.baseUrl, '--image', 'https://example.com/a.jpg', '--yes'], {
      APIINONE_API_KEY: '',
    });
    expect(noKey.code).toBe(2);
    expect(noKey.output).toContain('Set APIINONE_API_KEY');
    expect(fake.requests).toHaveLength(0);
  }, 60_000);
});
