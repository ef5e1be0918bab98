// The way through to GitHub against a local HTTPS stand-in for github.com (the real git
// http-backend behind a test certificate), driven by the git CLI and plain requests: clone and
// push with a token, a renamed repository's redirect followed, a redirect to another host
// refused before anything (a token least of all) reaches it, and only git's smart HTTP to
// allowed hosts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessEntry } from '../../server/access-log.ts';
import { startSite, type Site } from '../../server/site.ts';
import { rawRequest } from '../support/raw-request.ts';
import { gitAsync, makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { startGitHostStandIn, type GitHostStandIn } from '../support/github-stand-in.ts';
import { makeTestCertificate } from '../support/test-certificate.ts';

const TOKEN = 'ghp_standInToken0123456789';

describe('the way through to a stand-in for github.com', () => {
  let github: GitHostStandIn;
  let elsewhere: GitHostStandIn;
  let site: Site;
  const log: AccessEntry[] = [];

  beforeAll(async () => {
    const certificate = makeTestCertificate(['github.com', 'evil.test']);
    const reposDir = makeTempDir('stand-in-repos');
    mkdirSync(join(reposDir, 'owner'));
    await gitAsync(['init', '--quiet', '--bare', '-b', 'main', join(reposDir, 'owner', 'tasks.git')]);
    github = await startGitHostStandIn({
      host: 'github.com',
      certificate,
      reposDir,
      token: TOKEN,
      redirects: { '/owner/old-name.git': 'https://github.com/owner/tasks.git', '/owner/moved.git': 'https://evil.test/owner/tasks.git' },
    });
    // Even listed, another host is never reached by a redirect.
    elsewhere = await startGitHostStandIn({ host: 'evil.test', certificate, reposDir });
    site = await startSite({
      port: 0,
      repos: { kind: 'local', dataDir: makeTempDir('way-through-site') },
      wayThrough: {
        upstreams: [
          { host: 'github.com', connect: github.address },
          { host: 'evil.test', connect: elsewhere.address },
        ],
        ca: certificate.cert,
      },
      log: (entry) => log.push(entry),
    });
  });

  afterAll(async () => {
    await site?.close(0);
    await github?.close();
    await elsewhere?.close();
    removeTempDirs();
  });

  const through = (path: string, credentials = `x-access-token:${TOKEN}@`) => `${site.url.replace('//', `//${credentials}`)}proxy/github.com/${path}`;

  it('carries a clone and a push with the token, and keeps the token out of its log', async () => {
    const work = makeTempDir('way-through-work');
    await gitAsync(['clone', '--quiet', through('owner/tasks.git'), 'one'], { cwd: work });
    await gitAsync(['commit', '--quiet', '--allow-empty', '-m', 'Through the way'], { cwd: join(work, 'one') });
    await gitAsync(['push', '--quiet', 'origin', 'HEAD:refs/heads/main'], { cwd: join(work, 'one') });
    await gitAsync(['clone', '--quiet', through('owner/tasks.git'), 'two'], { cwd: work });
    expect(await gitAsync(['log', '--format=%s'], { cwd: join(work, 'two') })).toBe('Through the way\n');
    const authorized = github.requests.filter((request) => request.headers.authorization !== undefined);
    expect(authorized.length).toBeGreaterThan(0);
    expect(JSON.stringify(log)).not.toContain(TOKEN);
    expect(JSON.stringify(log)).not.toContain(Buffer.from(`x-access-token:${TOKEN}`).toString('base64'));
    // Only what git needs went upstream: no forwarding headers, no cookie; and no cookie came back.
    expect(github.requests.every((request) => request.headers['x-forwarded-for'] === undefined && request.headers.cookie === undefined)).toBe(true);
    const answer = await fetch(`${site.url}proxy/github.com/owner/tasks.git/info/refs?service=git-upload-pack`, {
      headers: { Authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`, Cookie: 'session=mine' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('set-cookie')).toBeNull();
    expect(github.requests.at(-1)?.headers.cookie).toBeUndefined();
  });

  it('follows a redirect within github.com (a renamed repository), for fetch and push alike', async () => {
    const work = makeTempDir('way-through-renamed');
    await gitAsync(['clone', '--quiet', through('owner/old-name.git'), 'renamed'], { cwd: work });
    const dir = join(work, 'renamed');
    await gitAsync(['commit', '--quiet', '--allow-empty', '-m', 'Pushed to the old name'], { cwd: dir });
    await gitAsync(['push', '--quiet', through('owner/old-name.git'), 'HEAD:refs/heads/main'], { cwd: dir });
    const check = makeTempDir('way-through-check');
    await gitAsync(['clone', '--quiet', through('owner/tasks.git'), 'check'], { cwd: check });
    expect(await gitAsync(['log', '-1', '--format=%s'], { cwd: join(check, 'check') })).toBe('Pushed to the old name\n');
    expect(github.requests.some((request) => request.url.startsWith('/owner/old-name.git/git-receive-pack'))).toBe(true);
  });

  it('refuses a redirect to another host in words, and nothing reaches that host', async () => {
    const response = await fetch(`${site.url}proxy/github.com/owner/moved.git/info/refs?service=git-upload-pack`, {
      headers: { Authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` },
    });
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('a redirect to another host (https://evil.test); redirects are followed within the same host only');
    const work = makeTempDir('way-through-moved');
    const clone = await gitAsync(['clone', '--quiet', through('owner/moved.git'), 'moved'], { cwd: work }).catch((error: Error) => error);
    expect(clone).toBeInstanceOf(Error);
    expect(elsewhere.requests).toEqual([]);
  });

  it.each([
    ['GET', 'proxy/example.org/owner/tasks.git/info/refs?service=git-upload-pack'],
    ['GET', 'proxy/github.com/owner/tasks.git/HEAD'],
    ['GET', 'proxy/github.com/owner/tasks.git/info/refs'],
    ['GET', 'proxy/github.com/owner/tasks.git/objects/info/packs'],
    ['POST', 'proxy/github.com/internal/api/git-upload-pack?x=1'],
    ['GET', 'proxy/github.com/owner/%2e%2e/tasks.git/info/refs?service=git-upload-pack'],
    ['GET', 'proxy/github.com@evil.test/owner/tasks.git/info/refs?service=git-upload-pack'],
    ['GET', 'proxy/github.com:8443/owner/tasks.git/info/refs?service=git-upload-pack'],
  ])('refuses %s /%s: another host, or not smart HTTP', async (method, path) => {
    const before = github.requests.length;
    // Sent raw: fetch would resolve %2e%2e before the server could see it.
    const response = await rawRequest(site.port, `/${path}`, method);
    expect(response.status).toBe(404);
    expect(github.requests.length).toBe(before);
  });
});
