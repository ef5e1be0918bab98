import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitAsync, makeTempDir, removeTempDirs } from '../test/support/git-cli.ts';
import { startCorsProxy, type CorsProxy } from './cors-proxy.ts';
import { startGitRemote, type GitRemote } from './git-remote.ts';

const APP = 'http://127.0.0.1:5173';

/** The git CLI, asynchronously: a synchronous call would block the servers under test. */
const git = (args: readonly string[], cwd: string) => gitAsync(args, { cwd });

describe('CORS proxy (the way through on a port of its own) in front of the local git remote', () => {
  let remote: GitRemote;
  let proxy: CorsProxy;
  let target: string;

  beforeAll(async () => {
    remote = await startGitRemote({ dataDir: join(makeTempDir('cors-proxy'), 'remotes') });
    target = `127.0.0.1:${remote.port}`;
    proxy = await startCorsProxy({ allowedOrigins: [APP], upstreams: [{ host: target, scheme: 'http' }] });
  });

  afterAll(async () => {
    await proxy?.close();
    await remote?.close();
    removeTempDirs();
  });

  it('forwards a ref advertisement with CORS headers for a listed origin', async () => {
    const response = await fetch(`${proxy.url}${target}/x.git/info/refs?service=git-upload-pack`, { headers: { Origin: APP } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-expose-headers')).toContain('Content-Type');
    expect(response.headers.get('content-type')).toBe('application/x-git-upload-pack-advertisement');
    expect(await response.text()).toContain('# service=git-upload-pack');
  });

  it('answers a preflight of a listed origin, and refuses any other', async () => {
    const preflight = (origin: string) =>
      fetch(`${proxy.url}${target}/x.git/git-receive-pack`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
      });
    const allowed = await preflight(APP);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
    const other = await preflight('http://evil.test');
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('carries a real clone and push', async () => {
    const work = makeTempDir('cors-proxy-work');
    const url = `${proxy.url}${target}/proxied.git`;
    await git(['clone', '--quiet', url, 'one'], work);
    await git(['commit', '--quiet', '--allow-empty', '-m', 'Through the proxy'], join(work, 'one'));
    await git(['push', '--quiet', 'origin', 'HEAD:refs/heads/main'], join(work, 'one'));
    await git(['clone', '--quiet', `${remote.url}proxied.git`, 'two'], work);
    expect(await git(['log', '--format=%s'], join(work, 'two'))).toBe('Through the proxy\n');
  });

  it.each([`/TARGET/x.git/HEAD`, `/TARGET/x.git/objects/info/packs`, `/TARGET/x.git/info/refs`, `/example.org/x.git/info/refs?service=git-upload-pack`])(
    'refuses %s: not smart HTTP, or not a listed host',
    async (path) => {
      const response = await fetch(`${proxy.url}${path.slice(1).replace('TARGET', target)}`);
      expect(response.status).toBe(404);
    },
  );
});
