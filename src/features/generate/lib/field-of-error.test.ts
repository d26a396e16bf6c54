import { describe, expect, it } from 'vitest';
import { fieldOfError } from './field-of-error';

describe('fieldOfError', () => {
  it('puts image and combination errors on their fields', () => {
    expect(fieldOfError({ code: 'image_unreachable', message: 'The link answered 404.' })).toEqual({
      field: 'image',
      message: 'The link answered 404.',
    });
    expect(fieldOfError({ code: 'unsupported_combination', message: 'No 10 s at 1080P.' })?.field).toBe('resolution');
  });

  it('reads validation details as a list or as an object, mapping model to mode', () => {
    const list = {
      code: 'validation_failed',
      message: 'Invalid',
      details: [{ path: ['prompt'], message: 'Too long.' }],
    };
    const object = { code: 'validation_failed', message: 'Invalid', details: { model: 'Unknown model.' } };
    expect(fieldOfError(list)).toEqual({ field: 'prompt', message: 'Too long.' });
    expect(fieldOfError(object)).toEqual({ field: 'mode', message: 'Unknown model.' });
  });

  it('leaves errors that belong to no field to a toast', () => {
    expect(fieldOfError({ code: 'rate_limited', message: 'Slow down.' })).toBeNull();
    expect(fieldOfError({ code: 'validation_failed', message: 'Invalid', details: 'weird' })).toBeNull();
  });
});
