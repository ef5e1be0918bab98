import { describe, expect, it } from 'vitest';
import { plainHttpTokenHost } from './token-exposure.ts';

const settings = (url: string, token = 'secret', corsProxy = '') => ({ url, username: 'me', token, corsProxy });

describe('plain-HTTP token exposure', () => {
  it('names a host other than this machine reached over plain HTTP with a token', () => {
    expect(plainHttpTokenHost(settings('http://192.168.1.5:8173/tasks.git'))).toBe('192.168.1.5:8173');
    expect(plainHttpTokenHost(settings('http://nas.home.arpa/me/tasks.git'))).toBe('nas.home.arpa');
  });

  it('says nothing for HTTPS, this machine, no token, or a URL not yet typed out', () => {
    for (const url of ['https://nas.home.arpa/tasks.git', 'http://127.0.0.1:8173/tasks.git', 'http://localhost:8173/t.git', 'http://app.localhost/t.git', 'http://[::1]:8173/t.git', 'http://']) {
      expect(plainHttpTokenHost(settings(url)), url).toBeUndefined();
    }
    expect(plainHttpTokenHost(settings('http://nas.home.arpa/tasks.git', ''))).toBeUndefined();
  });

  it('looks at the CORS proxy when one is set: the token goes there', () => {
    expect(plainHttpTokenHost(settings('https://github.com/me/tasks.git', 'ghp', 'http://10.0.0.2:9999'))).toBe('10.0.0.2:9999');
    expect(plainHttpTokenHost(settings('http://10.0.0.3/tasks.git', 'ghp', 'https://tasks.example.org/proxy'))).toBeUndefined();
  });
});
