import { describe, expect, it } from 'vitest';
import { isPublicAddress } from './ip-policy';
import { isLoopbackName, linkRefusal } from './link-refusal';

const IMAGE = { what: 'The image link', verb: 'fetch' };

describe('isLoopbackName', () => {
  it.each(['localhost', 'LOCALHOST', 'localhost.', 'LOCALHOST.', 'localhost..', 'a.b.localhost', 'x.localhost.'])(
    '%s is this machine',
    (name) => expect(isLoopbackName(name)).toBe(true),
  );
  it.each(['localhost.example.com', 'notlocalhost', 'example.com', 'localhostx'])('%s is not', (name) =>
    expect(isLoopbackName(name)).toBe(false),
  );
});

describe('linkRefusal', () => {
  it.each([
    'http://LOCALHOST./x.png',
    'http://localhost.:8080/x.png',
    'http://127.1/x.png',
    'http://0x7f.1/x.png',
    'http://127.0.0.1./x.png',
    'http://[::1]/x.png',
    'http://0.0.0.0/x.png',
    'http://[::ffff:127.0.0.1]/x.png',
    'http://10.1.2.3/x.png',
    'http://ip6-localhost/x.png',
  ])('%s is refused as a private or local address', (url) => {
    expect(linkRefusal(url, isPublicAddress, IMAGE)).toBe(
      'The image link points to a private or local address, which the server will not fetch. Use a public address.',
    );
  });

  it('refuses credentials, and leaves names to be checked when they are looked up', () => {
    expect(linkRefusal('https://u:p@example.com/x.png', isPublicAddress, IMAGE)).toBe(
      'The image link cannot contain a user name or password.',
    );
    expect(linkRefusal('https://example.com/x.png', isPublicAddress, IMAGE)).toBeNull();
    expect(linkRefusal('http://127.0.0.1.nip.io/x.png', isPublicAddress, IMAGE)).toBeNull();
    expect(linkRefusal('not a link', isPublicAddress, IMAGE)).toBeNull();
  });

  it('follows the policy it is given: loopback allowed, loopback names are too', () => {
    const loopbackToo = (address: string) => address === '127.0.0.1';
    expect(linkRefusal('http://LOCALHOST.:3000/x.png', loopbackToo, IMAGE)).toBeNull();
  });
});
