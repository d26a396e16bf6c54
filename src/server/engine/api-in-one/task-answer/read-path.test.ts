import { describe, expect, it } from 'vitest';
import { readFirst, readPath } from './read-path';

describe('readPath', () => {
  it('reads nested keys and list items', () => {
    expect(readPath({ data: { works: [{ resource: { resource: 'x' } }] } }, 'data.works[0].resource.resource')).toBe(
      'x',
    );
  });

  it('matches a key whatever its case and separators, preferring the exact spelling', () => {
    expect(readPath({ Data: { TaskId: 'a' } }, 'data.task_id')).toBe('a');
    expect(readPath({ data: { 'task-id': 'b' } }, 'data.taskId')).toBe('b');
    expect(readPath({ taskId: 'loose', task_id: 'exact' }, 'task_id')).toBe('exact');
  });

  it('steps into a string that holds JSON, as kie sends resultJson', () => {
    const body = { data: { resultJson: JSON.stringify({ resultUrls: ['https://cdn.example/v.mp4'] }) } };
    expect(readPath(body, 'data.result_json.result_urls[0]')).toBe('https://cdn.example/v.mp4');
    expect(readPath({ data: JSON.stringify({ state: 'success' }) }, 'data.state')).toBe('success');
  });

  it('leaves strings that are not JSON, and JSON too large to be an answer, alone', () => {
    expect(readPath({ data: '{not json' }, 'data.state')).toBeUndefined();
    const huge = JSON.stringify({ state: 'success', pad: 'x'.repeat(300 * 1024) });
    expect(readPath({ data: huge }, 'data.state')).toBeUndefined();
  });

  it('does not read inherited properties', () => {
    expect(readPath({}, 'constructor')).toBeUndefined();
    expect(readPath({ a: {} }, 'a.__proto__')).toBeUndefined();
  });
});

describe('readFirst', () => {
  it('gives the first path whose value is accepted, parsing a JSON string value', () => {
    const accept = (value: unknown) => (Array.isArray(value) ? value.length : null);
    expect(readFirst({ a: 'no', b: '[1,2,3]' }, ['a', 'b'], accept)).toEqual({ path: 'b', value: 3 });
  });
});
