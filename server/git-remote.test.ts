import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gitEnv, makeTempDir, removeTempDirs } from '../test/support/git-cli.ts';
import { BackendSpawnError } from './errors.ts';
import { startGitRemote, type GitRemote } from './git-remote.ts';
import { rawRequest } from '../test/support/raw-request.ts';

const execFileAsync = promisify(execFile);

/** The git CLI, asynchronously: a synchronous call would block the server under test. */
async function git(args: readonly string[], cwd: string): Promise<string> {
  const { stdout } = await execFileAsync('git', args, { cwd, env: gitEnv() });
  return stdout;
}


describe('git remote', () => {
  let dataDir: string;
  let remote: GitRemote;

  beforeAll(async () => {
    dataDir = join(makeTempDir('git-remote'), 'remotes');
    remote = await startGitRemote({ dataDir, port: 0 });
  });

  afterAll(async () => {
    await remote?.close();
    removeTempDirs();
  });

  it('listens on the loopback at a chosen port', () => {
    expect(remote.port).toBeGreaterThan(0);
    expect(remote.url).toBe(`http://127.0.0.1:${remote.port}/`);
  });

  it('creates a bare repository by the first push, not by a clone, and serves it to another clone', async () => {
    const work = makeTempDir('git-remote-work');
    const url = `${remote.url}new.git`;
    const bare = join(dataDir, 'new.git');
    await git(['clone', '--quiet', url, 'first'], work);
    expect(existsSync(bare)).toBe(false);

    const first = join(work, 'first');
    // Past http.postBuffer (1 MiB), so git sends the pack chunked, without a Content-Length.
    writeFileSync(join(first, 'noise.bin'), randomBytes(3 * 1024 * 1024));
    await git(['add', 'noise.bin'], first);
    await git(['commit', '--quiet', '-m', 'First task'], first);
    await git(['push', '--quiet', 'origin', 'HEAD:refs/heads/main'], first);
    expect(await git(['rev-parse', '--is-bare-repository'], bare)).toBe('true\n');
    expect(await git(['symbolic-ref', 'HEAD'], bare)).toBe('refs/heads/main\n');

    await git(['clone', '--quiet', url, 'second'], work);
    const second = join(work, 'second');
    expect(await git(['log', '--format=%s', 'main'], second)).toBe('First task\n');
    expect(await git(['rev-parse', 'HEAD'], second)).toBe(await git(['rev-parse', 'HEAD'], first));
  });

  it('shows a new name as an empty repository to racing fetches, creating nothing', async () => {
    const advertise = `${remote.url}race.git/info/refs?service=git-upload-pack`;
    const responses = await Promise.all(Array.from({ length: 8 }, () => fetch(advertise)));
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(200));
    expect(await responses[0]?.text()).toContain('# service=git-upload-pack');
    expect(existsSync(join(dataDir, 'race.git'))).toBe(false);
  });

  it('creates a repository once when first pushes race', async () => {
    const work = makeTempDir('git-remote-race');
    const url = `${remote.url}pushed-race.git`;
    const clones = await Promise.all(
      ['a', 'b', 'c', 'd'].map(async (name) => {
        await git(['init', '--quiet', '-b', 'main', name], work);
        await git(['commit', '--quiet', '--allow-empty', '-m', `From ${name}`], join(work, name));
        return join(work, name);
      }),
    );
    const pushes = await Promise.allSettled(clones.map((dir) => git(['push', '--quiet', url, 'HEAD:refs/heads/main'], dir)));
    expect(pushes.filter((push) => push.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(existsSync(join(dataDir, 'pushed-race.git', 'HEAD'))).toBe(true);
  });

  it('answers with CORS headers for a listed Origin', async () => {
    const origin = 'http://127.0.0.1:8173';
    const listed = await startGitRemote({ dataDir, allowedOrigins: [origin] });
    try {
      const response = await fetch(`${listed.url}cors.git/info/refs?service=git-upload-pack`, { headers: { Origin: origin } });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-expose-headers')).toContain('Content-Type');
      expect(response.headers.get('content-type')).toBe('application/x-git-upload-pack-advertisement');
      expect(await response.text()).toContain('# service=git-upload-pack');

      const preflight = await fetch(`${listed.url}cors.git/git-receive-pack`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
      expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
    } finally {
      await listed.close();
    }
  });

  it('refuses pages of origins not listed, and any by default', async () => {
    const listed = await startGitRemote({ dataDir, allowedOrigins: ['http://app.test'] });
    try {
      const advertise = `${listed.url}cors.git/info/refs?service=git-upload-pack`;
      const allowed = await fetch(advertise, { headers: { Origin: 'http://app.test' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://app.test');
      for (const origin of ['http://evil.test', 'null']) {
        const other = await fetch(advertise, { headers: { Origin: origin } });
        expect(other.status).toBe(403);
        expect(other.headers.get('access-control-allow-origin')).toBeNull();
      }
      expect((await fetch(`${remote.url}cors.git/info/refs?service=git-upload-pack`, { headers: { Origin: 'http://app.test' } })).status).toBe(403);
    } finally {
      await listed.close();
    }
  });

  it.each([
    '/../x.git/info/refs?service=git-upload-pack',
    '/%2e%2e/x.git/info/refs?service=git-upload-pack',
    '/..git/info/refs?service=git-upload-pack',
    '/.hidden.git/info/refs?service=git-upload-pack',
    '/a%20b.git/info/refs?service=git-upload-pack',
    '/a;b.git/info/refs?service=git-upload-pack',
    '/dir/x.git/info/refs?service=git-upload-pack',
    '/x.git/../../escape.git/info/refs?service=git-upload-pack',
    '/x/info/refs?service=git-upload-pack',
  ])('refuses %s with 404 and creates nothing', async (path) => {
    const before = readdirSync(dataDir).sort();
    const response = await rawRequest(remote.port, path);
    expect(response.status).toBe(404);
    expect(readdirSync(dataDir).sort()).toEqual(before);
    expect(existsSync(join(dataDir, '..', 'x.git'))).toBe(false);
  });

  it.each([
    ['PUT', '/x.git/info/refs?service=git-upload-pack'],
    ['GET', '/x.git/info/refs'],
    ['GET', '/x.git/HEAD'],
    ['GET', '/x.git/objects/info/packs'],
    ['GET', '/x.git/git-upload-pack'],
    ['POST', '/x.git/info/refs?service=git-upload-pack'],
    ['GET', `/${'a'.repeat(101)}.git/info/refs?service=git-upload-pack`],
  ])('refuses %s %s: not smart HTTP, or a name too long', async (method, path) => {
    const response = await rawRequest(remote.port, path, method);
    expect(response.status).toBe(404);
    expect(response.body).toContain('only git smart HTTP is served here');
  });
});

describe('git remote failures', () => {
  const started: GitRemote[] = [];

  afterEach(async () => {
    await Promise.all(started.splice(0).map((remote) => remote.close()));
    removeTempDirs();
  });

  it('answers 500 with a plain message when the backend cannot start', async () => {
    const errors: Error[] = [];
    const remote = await startGitRemote({
      dataDir: makeTempDir('git-remote-broken'),
      backend: '/nonexistent/git-http-backend',
      onError: (error) => errors.push(error),
    });
    started.push(remote);
    const response = await fetch(`${remote.url}x.git/info/refs?service=git-upload-pack`);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toContain('BACKEND_SPAWN_FAILED');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(BackendSpawnError);
    expect((errors[0] as BackendSpawnError).code).toBe('BACKEND_SPAWN_FAILED');
    // The server is still up.
    expect((await fetch(`${remote.url}x.git/info/refs?service=git-receive-pack`)).status).toBe(500);
  });

  it('answers 500 when the backend exits before its headers', async () => {
    const errors: Error[] = [];
    const remote = await startGitRemote({ dataDir: makeTempDir('git-remote-false'), backend: '/bin/false', onError: (error) => errors.push(error) });
    started.push(remote);
    const response = await fetch(`${remote.url}x.git/info/refs?service=git-upload-pack`);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('BACKEND_FAILED');
    expect(errors[0]?.message).toContain('exit 1');
    expect(errors.map((error) => (error as BackendSpawnError).code)).toEqual(['BACKEND_FAILED']);
  });

  it('stops on close()', async () => {
    const remote = await startGitRemote({ dataDir: makeTempDir('git-remote-close') });
    expect((await fetch(`${remote.url}x.git/info/refs?service=git-upload-pack`)).status).toBe(200);
    await remote.close();
    await expect(fetch(`${remote.url}x.git/info/refs?service=git-upload-pack`)).rejects.toThrow();
  });
});
