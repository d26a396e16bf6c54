import { describe, expect, it } from 'vitest';
import { IMAGE_LIMITS } from '@/shared/limits';
import { checkImageFile, sniffImageType } from './check-image';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new TextEncoder().encode(text);
const PNG_HEAD = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);

describe('sniffImageType', () => {
  it('knows JPEG, PNG and WebP by their first bytes', () => {
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffImageType(PNG_HEAD)).toBe('image/png');
    expect(sniffImageType(ascii('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses an SVG or text whatever the file is called', () => {
    expect(sniffImageType(ascii('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(sniffImageType(ascii('hello'))).toBeNull();
    expect(sniffImageType(bytes())).toBeNull();
  });
});

describe('checkImageFile', () => {
  it('accepts a real image and names its type', () => {
    expect(checkImageFile({ name: 'a.png', size: 2048 }, PNG_HEAD)).toEqual({ ok: true, contentType: 'image/png' });
  });

  it('explains an empty, a too large and a non-image file', () => {
    const empty = checkImageFile({ name: 'a.png', size: 0 }, PNG_HEAD);
    const large = checkImageFile({ name: 'a.png', size: IMAGE_LIMITS.maxBytes + 1 }, PNG_HEAD);
    const svg = checkImageFile({ name: 'logo.png', size: 300 }, ascii('<svg'));
    expect(empty).toMatchObject({ ok: false, message: expect.stringContaining('empty') });
    expect(large).toMatchObject({ ok: false, message: expect.stringContaining('20 MB') });
    expect(svg).toMatchObject({ ok: false, message: expect.stringContaining('not a JPEG, PNG or WebP') });
  });
});
