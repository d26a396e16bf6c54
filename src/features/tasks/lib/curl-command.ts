/**
 * "Copy as curl": the request that created a task, written like the seed's example so support
 * can replay it. The key is always the `$APIINONE_API_KEY` placeholder — the browser never
 * knows a real one, and a pasted command must not carry one either.
 */
import type { GenerationRequestInput, Task } from '@/shared/contract';

export const API_KEY_PLACEHOLDER = '$APIINONE_API_KEY';

/** Wraps a value in single quotes for POSIX shells; a quote inside becomes '\'' . */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

export type CurlTask = Pick<Task, 'model' | 'prompt' | 'image' | 'duration' | 'resolution' | 'callback_url'>;

/** The original request body, in the seed's field order. */
export function generationBody(task: CurlTask): GenerationRequestInput {
  const body: GenerationRequestInput = {
    model: task.model as GenerationRequestInput['model'],
    prompt: task.prompt,
    image: task.image,
    duration: task.duration,
    resolution: task.resolution,
  };
  if (task.callback_url) body.callback_url = task.callback_url;
  return body;
}

export function curlCommand(task: CurlTask, origin: string): string {
  const url = new URL('/api/v1/videos/generations', origin).href;
  return [
    `curl -X POST ${shellQuote(url)}`,
    // Double quotes on purpose: the shell fills in the key from the environment.
    `  -H "Authorization: Bearer ${API_KEY_PLACEHOLDER}"`,
    `  -H "Content-Type: application/json"`,
    `  --data-raw ${shellQuote(JSON.stringify(generationBody(task), null, 2))}`,
  ].join(' \\\n');
}
