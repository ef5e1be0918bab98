import { describe, expect, it } from 'vitest';
import { formatAccessEntry, loggedPath } from './access-log.ts';

describe('access log', () => {
  it('keeps only git\'s service query, and makes the path printable', () => {
    expect(loggedPath('/alice/tasks.git/info/refs?service=git-upload-pack')).toBe('/alice/tasks.git/info/refs?service=git-upload-pack');
    expect(loggedPath('/proxy/github.com/a/b.git/info/refs?access_token=ghp_secret')).toBe('/proxy/github.com/a/b.git/info/refs?…');
    expect(loggedPath('/x y\n\u0000')).toBe('/x%20y%0A%00');
    expect(loggedPath(`/${'a'.repeat(400)}`)).toHaveLength(300);
  });

  it('writes one line: time, address, user, request, status, bytes, time taken', () => {
    const line = formatAccessEntry({
      time: new Date('2026-11-23T20:39:00.000Z'),
      address: '203.0.113.7',
      user: 'alice(old laptop)',
      method: 'POST',
      path: '/alice/tasks.git/git-receive-pack',
      status: 200,
      bytesIn: 1204,
      bytesOut: 131,
      ms: 37.6,
      cut: false,
    });
    expect(line).toBe('2026-11-23T20:39:00.000Z 203.0.113.7 alice(oldlaptop) POST /alice/tasks.git/git-receive-pack 200 in=1204 out=131 38ms');
  });
});
