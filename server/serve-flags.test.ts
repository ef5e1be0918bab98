import { describe, expect, it } from 'vitest';
import { readServeFlags } from './serve-flags.ts';

describe('npm run serve flags', () => {
  it('start on the loopback with accounts, the way through, no force push and a push limit', () => {
    const plan = readServeFlags(['--data', '/srv/taskgit', '--port', '9000']);
    expect(plan.site).toMatchObject({
      host: '127.0.0.1',
      port: 9000,
      repos: { kind: 'accounts', dataDir: '/srv/taskgit' },
      wayThrough: { upstreams: ['github.com', 'gitlab.com', 'codeberg.org'] },
      pushPolicy: { allowForcePush: false, allowDeletion: false, maxPushBytes: 100 * 1024 * 1024 },
    });
    expect(plan.accessLog).toBe('-');
  });

  it('read a reverse proxy set-up', () => {
    const plan = readServeFlags(['--url', 'https://tasks.example.org', '--trust-proxy', '127.0.0.1', '--origin', 'https://app.example.org/', '--way-through', 'github.com,git.example.org', '--failures', '5/300', '--allow-force-push']);
    expect(plan.site).toMatchObject({
      urls: ['https://tasks.example.org/'],
      trustedProxies: ['127.0.0.1'],
      corsOrigins: ['https://app.example.org'],
      wayThrough: { upstreams: ['github.com', 'git.example.org'] },
      repos: { failures: { pushes: 5, perSeconds: 300 } },
      pushPolicy: { allowForcePush: true, allowDeletion: false },
    });
    expect(readServeFlags(['--way-through', 'none']).site.wayThrough).toBe(false);
  });

  it.each([
    [['--listen', '0.0.0.0'], /name the URLs people use with --url/],
    [['--listen', '0.0.0.0', '--url', 'http://tasks.example.org'], /would carry device tokens in the clear/],
    [['--cert', 'cert.pem'], /--cert and --key go together/],
    [['--url', 'https://tasks.example.org/taskgit/'], /served at the root/],
    [['--url', 'https://user:pw@tasks.example.org'], /served at the root/],
    [['--trust-proxy', 'proxy.local'], /IP address/],
    [['--max-push-mb', '0'], /positive number/],
    [['--bogus'], /Unknown option/],
  ])('refuse %j in words', (args, words) => {
    expect(() => readServeFlags(args)).toThrow(words);
  });

  it('take plain HTTP off the loopback only when told to', () => {
    expect(readServeFlags(['--listen', '0.0.0.0', '--url', 'http://nas.local:8080', '--plain-http']).site.urls).toEqual(['http://nas.local:8080/']);
  });
});
