// @vitest-environment jsdom
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveRemote } from './resolve-remote.ts';

let server: Server;
let base = '';
let config: unknown = {};

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/config.json') {
      response.setHeader('Content-Type', 'application/json');
      response.setHeader('Access-Control-Allow-Origin', '*');
      response.end(JSON.stringify(config));
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/demo/chapter-3.html`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => localStorage.clear());

describe('resolveRemote', () => {
  it('takes the remote attribute first', async () => {
    expect(await resolveRemote({ remote: 'http://r:1/c.git', config: '/config.json', configKey: null }, base, localStorage)).toBe('http://r:1/c.git');
  });

  it('reads the named key of the config document, commentsRemote by default', async () => {
    config = { commentsRemote: 'http://127.0.0.1:9/comments.git', other: 'http://127.0.0.1:9/other.git' };
    expect(await resolveRemote({ remote: null, config: '/config.json', configKey: null }, base, localStorage)).toBe('http://127.0.0.1:9/comments.git');
    expect(await resolveRemote({ remote: null, config: '/config.json', configKey: 'other' }, base, localStorage)).toBe('http://127.0.0.1:9/other.git');
  });

  it('remembers the answer for a visit when the config cannot be read', async () => {
    config = { commentsRemote: 'http://127.0.0.1:9/comments.git' };
    await resolveRemote({ remote: null, config: '/config.json', configKey: null }, base, localStorage);
    expect(await resolveRemote({ remote: null, config: '/missing.json', configKey: null }, base, localStorage)).toBeUndefined();
    const offlineBase = base.replace(/:\d+\//, ':1/'); // nothing listens on port 1
    localStorage.setItem(`git-comments:config:${new URL('/config.json', offlineBase).href}#commentsRemote`, 'http://127.0.0.1:9/comments.git');
    expect(await resolveRemote({ remote: null, config: '/config.json', configKey: null }, offlineBase, localStorage)).toBe('http://127.0.0.1:9/comments.git');
  });

  it('has no remote without either attribute or with no such key', async () => {
    config = {};
    expect(await resolveRemote({ remote: null, config: null, configKey: null }, base, localStorage)).toBeUndefined();
    expect(await resolveRemote({ remote: null, config: '/config.json', configKey: null }, base, localStorage)).toBeUndefined();
  });
});
