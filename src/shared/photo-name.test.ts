import { describe, expect, it } from 'vitest';
import { PHOTO_NAME_MAX_CHARS, photoNameOf, photoNameOfLink, photoStem } from './photo-name';

describe('photoNameOf', () => {
  it('keeps a person’s file name as they wrote it, in any script', () => {
    expect(photoNameOf('Red shoe — side.JPG')).toBe('Red shoe — side.JPG');
    expect(photoNameOf('靴 2.webp')).toBe('靴 2.webp');
  });

  it('drops any path, control and direction characters, and squeezes white space', () => {
    expect(photoNameOf('C:\\Users\\ana\\Desktop\\shoe.png')).toBe('shoe.png');
    expect(photoNameOf('../../etc/passwd')).toBe('passwd');
    expect(photoNameOf('evil\r\nX-Header: 1.jpg')).toBe('evilX-Header: 1.jpg');
    expect(photoNameOf('invoice\u202Egpj.exe')).toBe('invoicegpj.exe');
    expect(photoNameOf('  two   spaces \t.jpg ')).toBe('two spaces .jpg');
  });

  it('names nothing for an empty or dots-only name, and caps a long one', () => {
    for (const empty of [undefined, null, '', '   ', '..', '/', '\u0000']) expect(photoNameOf(empty)).toBeNull();
    expect(Array.from(photoNameOf('ä'.repeat(500))!)).toHaveLength(PHOTO_NAME_MAX_CHARS);
  });
});

describe('photoNameOfLink', () => {
  it('takes the last path segment, decoded, without the query', () => {
    expect(photoNameOfLink('https://cdn.test/p/red%20shoe.jpg?w=200#x')).toBe('red shoe.jpg');
    expect(photoNameOfLink('https://cdn.test/products/shoe/')).toBe('shoe');
    expect(photoNameOfLink('https://cdn.test/bad%E0%A4%A.jpg')).toBe('bad%E0%A4%A.jpg');
    expect(photoNameOfLink('https://cdn.test/')).toBeNull();
    expect(photoNameOfLink('not a link')).toBeNull();
  });
});

describe('photoStem', () => {
  it('drops the extension, and only that', () => {
    expect(photoStem('red.shoe.jpg')).toBe('red.shoe');
    expect(photoStem('.hidden')).toBe('.hidden');
    expect(photoStem('noext')).toBe('noext');
  });
});
