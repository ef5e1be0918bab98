import { describe, expect, it } from 'vitest';
import { needsWayThrough, parseServedBy, serverRemoteFor } from './served-by.ts';

describe('served by', () => {
  it('reads what npm start and the production server say', () => {
    expect(
      parseServedBy({
        defaultRemote: 'http://127.0.0.1:8173/tasks.git',
        server: { remote: 'http://127.0.0.1:8173/tasks.git', wayThrough: { url: 'http://127.0.0.1:8173/proxy', hosts: ['github.com', 'GitLab.com'] } },
      }),
    ).toEqual({
      defaultRemote: 'http://127.0.0.1:8173/tasks.git',
      server: { host: '127.0.0.1:8173', remote: 'http://127.0.0.1:8173/tasks.git', wayThrough: { url: 'http://127.0.0.1:8173/proxy', hosts: ['github.com', 'gitlab.com'] } },
    });
    expect(parseServedBy({ server: { remote: 'https://tasks.example.org/{user}/tasks.git' } })).toEqual({
      server: { host: 'tasks.example.org', remote: 'https://tasks.example.org/{user}/tasks.git' },
    });
  });

  it('leaves out what is not what it should be', () => {
    expect(parseServedBy(null)).toEqual({});
    expect(parseServedBy({ defaultRemote: 'javascript:alert(1)', server: { remote: 42 } })).toEqual({});
    expect(parseServedBy({ server: { remote: 'https://a.example/{user}/t.git', wayThrough: { url: 'ftp://x', hosts: ['github.com'] } } }).server?.wayThrough).toBeUndefined();
  });

  it('puts the user name where the server has accounts', () => {
    const server = { host: 'tasks.example.org', remote: 'https://tasks.example.org/{user}/tasks.git' };
    expect(serverRemoteFor(server, ' Alice ')).toBe('https://tasks.example.org/alice/tasks.git');
    expect(serverRemoteFor(server, '')).toBeUndefined();
    expect(serverRemoteFor({ host: '127.0.0.1:8173', remote: 'http://127.0.0.1:8173/tasks.git' }, '')).toBe('http://127.0.0.1:8173/tasks.git');
  });

  it('knows the hosts its way through reaches', () => {
    const server = { host: 'tasks.example.org', remote: 'x', wayThrough: { url: 'https://tasks.example.org/proxy', hosts: ['github.com'] } };
    expect(needsWayThrough(server, 'https://GitHub.com/me/tasks.git')).toBe(true);
    expect(needsWayThrough(server, 'https://git.example.org/me/tasks.git')).toBe(false);
    expect(needsWayThrough(server, 'not a url')).toBe(false);
    expect(needsWayThrough(undefined, 'https://github.com/me/tasks.git')).toBe(false);
  });
});
