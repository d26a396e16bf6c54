import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { generationRequestSchema } from '@/shared/contract';
import { API_KEY_PLACEHOLDER, curlCommand, shellQuote, type CurlTask } from './curl-command';

const task: CurlTask = {
  model: 'hailuo-2-3',
  prompt: `It's a "golden" retriever; $HOME stays \`literal\` & so does \\n`,
  image: 'https://example.com/golden-retriever.jpg',
  duration: '6',
  resolution: '768P',
  callback_url: null,
};

/** Runs a string through a real POSIX shell and returns the words it became. */
function shellWords(text: string): string[] {
  const out = execFileSync('sh', ['-c', `for w in ${text}; do printf '%s\\0' "$w"; done`], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: '/should-not-appear' },
  });
  return out.split('\0').slice(0, -1);
}

describe('shellQuote', () => {
  it('survives a real shell unchanged, quotes and all', () => {
    const value = `it's "quoted" $HOME \`cmd\` \\ ;|&`;
    expect(shellWords(shellQuote(value))).toEqual([value]);
  });
});

describe('curlCommand', () => {
  const command = curlCommand(task, 'http://127.0.0.1:3000');

  it('posts to this origin with the key as a placeholder, never a real key', () => {
    expect(command).toContain(`curl -X POST 'http://127.0.0.1:3000/api/v1/videos/generations'`);
    expect(command).toContain(`-H "Authorization: Bearer ${API_KEY_PLACEHOLDER}"`);
    expect(command).not.toMatch(/aio_/);
  });

  it('sends a body the shell hands to curl as the original request, prompt quotes intact', () => {
    const dataArg = command.split('--data-raw ')[1] ?? '';
    const [body] = shellWords(dataArg);
    const parsed = generationRequestSchema.parse(JSON.parse(body ?? ''));
    expect(parsed.prompt).toBe(task.prompt);
    expect(parsed).toMatchObject({ model: 'hailuo-2-3', image: task.image, duration: '6', resolution: '768P' });
    expect(parsed.callback_url).toBeUndefined();
  });

  it('keeps the callback URL when the task had one', () => {
    const withCallback = curlCommand(
      { ...task, callback_url: 'https://hooks.example.com/done' },
      'http://localhost:5173',
    );
    expect(withCallback).toContain('"callback_url": "https://hooks.example.com/done"');
  });
});
