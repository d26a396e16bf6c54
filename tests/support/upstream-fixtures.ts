/**
 * The upstream answers in tests/fixtures/upstream/: each file is one answer as API in One, the
 * kie.ai relay behind it or a plausible reseller would send it, where it comes from, and what
 * our client must make of it (a task state it reads, or the failure it reports).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const fixtureSchema = z.strictObject({
  about: z.string(),
  /** A public page that shows this shape, or "inferred: …" with the reason. */
  source: z.string(),
  call: z.enum(['create', 'get']),
  http_status: z.number().int(),
  body: z.unknown(),
  read: z
    .strictObject({
      status: z.enum(['queued', 'running', 'succeeded', 'failed', 'canceled']),
      upstream_task_id: z.string().optional(),
      video_url: z.string().optional(),
      poster_url: z.string().optional(),
      progress: z.number().nullable().optional(),
      /** A regular expression the failure reason must match. */
      error_message: z.string().optional(),
    })
    .optional(),
  fails: z
    .strictObject({
      code: z.string(),
      task_code: z.string().optional(),
      transient: z.boolean().optional(),
      may_have_started: z.boolean().optional(),
      engine_says_done: z.boolean().optional(),
      /** A regular expression the error message must match. */
      message: z.string(),
    })
    .optional(),
});

export type UpstreamFixture = z.infer<typeof fixtureSchema> & { name: string };

export const UPSTREAM_FIXTURES_DIR = path.resolve('tests/fixtures/upstream');

export function loadUpstreamFixtures(): UpstreamFixture[] {
  return fs
    .readdirSync(UPSTREAM_FIXTURES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const parsed = fixtureSchema.parse(JSON.parse(fs.readFileSync(path.join(UPSTREAM_FIXTURES_DIR, name), 'utf8')));
      if (Boolean(parsed.read) === Boolean(parsed.fails)) throw new Error(`${name}: give either "read" or "fails"`);
      return { ...parsed, name: name.replace(/\.json$/, '') };
    });
}
