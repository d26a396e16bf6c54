import { describe, expect, it } from 'vitest';
import { generationFormSchema, generationRequestSchema, taskListQuerySchema } from './contract';

const seedBody = {
  model: 'hailuo-2-3',
  prompt: 'A golden retriever running through a sunflower field at sunset, slow motion',
  image: 'https://example.com/golden-retriever.jpg',
  duration: '6',
  resolution: '768P',
};

function messages(result: { success: boolean; error?: { issues: Array<{ message: string }> } }) {
  return result.error?.issues.map((i) => i.message) ?? [];
}

describe('generationRequestSchema', () => {
  it('accepts the seed body unchanged', () => {
    expect(generationRequestSchema.parse(seedBody)).toEqual(seedBody);
  });

  it('fills the documented defaults', () => {
    const parsed = generationRequestSchema.parse({ prompt: 'waves', image: 'http://x.test/a.png' });
    expect(parsed).toMatchObject({ model: 'hailuo/2-3-image-to-video-standard', duration: '6', resolution: '768P' });
  });

  it('refuses 10 s at 1080P on the resolution field with the reason', () => {
    const result = generationRequestSchema.safeParse({ ...seedBody, duration: '10', resolution: '1080P' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['resolution'],
      message: 'Hailuo 2.3 offers 1080P only at 6 s. Choose 768P for a 10 s video.',
    });
  });

  it.each([
    [{ prompt: '' }, 'Write a prompt describing the motion you want.'],
    [{ prompt: '   ' }, 'Write a prompt describing the motion you want.'],
    [{ prompt: 'x'.repeat(2001) }, 'The prompt is too long: at most 2000 characters (Hailuo’s own limit).'],
    [{ image: 'ftp://example.com/a.jpg' }, 'The reference image must be a link starting with http:// or https://.'],
    [{ image: 'not a url' }, 'The reference image must be a link starting with http:// or https://.'],
    [{ duration: 6 }, 'Duration must be "6" or "10" (seconds, as a string).'],
    [{ duration: '8' }, 'Duration must be "6" or "10" (seconds, as a string).'],
    [{ resolution: '720P' }, 'Resolution must be "768P" or "1080P".'],
    [
      { model: 'sora-9' },
      'Model must be one of "hailuo-2-3", "hailuo/2-3-image-to-video-standard", "hailuo/2-3-image-to-video-pro".',
    ],
    [{ callback_url: 'javascript:alert(1)' }, 'The callback URL must be a link starting with http:// or https://.'],
    [{ extra: 'garbage' }, 'Unknown field(s): extra.'],
  ])('refuses %j with a message a person can act on', (change, message) => {
    expect(messages(generationRequestSchema.safeParse({ ...seedBody, ...change }))).toContain(message);
  });

  it('accepts a prompt of exactly 2000 characters', () => {
    expect(generationRequestSchema.safeParse({ ...seedBody, prompt: 'x'.repeat(2000) }).success).toBe(true);
  });

  it.each([[null], [[]], ['text'], [42]])('refuses a body that is not an object: %j', (body) => {
    expect(generationRequestSchema.safeParse(body).success).toBe(false);
  });

  it('requires prompt and image', () => {
    const result = generationRequestSchema.safeParse({});
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(['image', 'prompt']);
  });
});

describe('generationFormSchema', () => {
  it('applies the same refusal to the form', () => {
    const result = generationFormSchema.safeParse({
      mode: 'pro',
      prompt: 'a',
      image: 'https://x.test/a.png',
      duration: '10',
      resolution: '1080P',
    });
    expect(messages(result)).toEqual(['Hailuo 2.3 offers 1080P only at 6 s. Choose 768P for a 10 s video.']);
  });
});

describe('taskListQuerySchema', () => {
  it('splits status lists and defaults the limit', () => {
    expect(taskListQuerySchema.parse({ status: 'failed,canceled' })).toEqual({
      status: ['failed', 'canceled'],
      limit: 24,
    });
  });

  it.each([
    [{ status: 'done' }, 'Status must be any of queued, running, succeeded, failed, canceled.'],
    [{ limit: '0' }, 'limit must be at least 1.'],
    [{ limit: '1000' }, 'limit must be at most 100.'],
    [{ limit: 'ten' }, 'limit must be a number.'],
    [{ from: 'yesterday' }, '"from" must be an ISO date-time, e.g. 2026-01-31T00:00:00Z.'],
    [{ sort: 'asc' }, 'Unknown filter(s): sort.'],
  ])('refuses %j', (query, message) => {
    expect(messages(taskListQuerySchema.safeParse(query))).toContain(message);
  });
});
