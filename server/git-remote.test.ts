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

  it('creates a bare repository on first use, takes a push and serves it to another clone', async () => {
    const work = makeTempDir('git-remote-work');
    const url = `${remote.url}new.git`;
    await git(['clone', '--quiet', url, 'first'], work);
    const bare = join(dataDir, 'new.git');
    expect(await git(['rev-parse', '--is-bare-repository'], bare)).toBe('true\n');
    expect(await git(['config', 'http.receivepack'], bare)).toBe('true\n');
    expect(await git(['symbolic-ref', 'HEAD'], bare)).toBe('refs/heads/main\n');

    const first = join(work, 'first');
    // Past http.postBuffer (1 MiB), so git sends the pack chunked, without a Content-Length.
    writeFileSync(join(first, 'noise.bin'), randomBytes(3 * 1024 * 1024));
    await git(['add', 'noise.bin'], first);
    await git(['commit', '--quiet', '-m', 'First task'], first);
    await git(['push', '--quiet', 'origin', 'HEAD:refs/heads/main'], first);

    await git(['clone', '--quiet', url, 'second'], work);
    const second = join(work, 'second');
    expect(await git(['log', '--format=%s', 'main'], second)).toBe('First task\n');
    expect(await git(['rev-parse', 'HEAD'], second)).toBe(await git(['rev-parse', 'HEAD'], first));
  });

  it('creates a repository once when first requests race', async () => {
    const advertise = `${remote.url}race.git/info/refs?service=git-upload-pack`;
    const responses = await Promise.all(Array.from({ length: 8 }, () => fetch(advertise)));
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(200));
    expect(readdirSync(dataDir).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(existsSync(join(dataDir, 'race.git', 'HEAD'))).toBe(true);
  });

  it('answers with CORS headers for an Origin', async () => {
    const origin = 'http://127.0.0.1:8173';
    const response = await fetch(`${remote.url}cors.git/info/refs?service=git-upload-pack`, { headers: { Origin: origin } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-expose-headers')).toContain('Content-Type');
    expect(response.headers.get('content-type')).toBe('application/x-git-upload-pack-advertisement');
    expect(await response.text()).toContain('# service=git-upload-pack');

    const preflight = await fetch(`${remote.url}cors.git/git-receive-pack`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
  });

  it('echoes only listed origins when given a list', async () => {
    const listed = await startGitRemote({ dataDir, allowedOrigins: ['http://app.test'] });
    try {
      const advertise = `${listed.url}cors.git/info/refs?service=git-upload-pack`;
      const allowed = await fetch(advertise, { headers: { Origin: 'http://app.test' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://app.test');
      const other = await fetch(advertise, { headers: { Origin: 'http://evil.test' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
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

  it('refuses other methods', async () => {
    const response = await rawRequest(remote.port, '/x.git/info/refs', 'PUT');
    expect(response.status).toBe(405);
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
    expect(await response.text()).toContain('/nonexistent/git-http-backend');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(BackendSpawnError);
    expect((errors[0] as BackendSpawnError).code).toBe('BACKEND_SPAWN_FAILED');
    // The server is still up.
    expect((await fetch(`${remote.url}x.git/info/refs`)).status).toBe(500);
  });

  it('answers 500 when the backend exits before its headers', async () => {
    const errors: Error[] = [];
    const remote = await startGitRemote({ dataDir: makeTempDir('git-remote-false'), backend: '/bin/false', onError: (error) => errors.push(error) });
    started.push(remote);
    const response = await fetch(`${remote.url}x.git/info/refs?service=git-upload-pack`);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('exit 1');
    expect(errors.map((error) => (error as BackendSpawnError).code)).toEqual(['BACKEND_FAILED']);
  });

  it('stops on close()', async () => {
    const remote = await startGitRemote({ dataDir: makeTempDir('git-remote-close') });
    expect((await fetch(`${remote.url}x.git/info/refs?service=git-upload-pack`)).status).toBe(200);
    await remote.close();
    await expect(fetch(`${remote.url}x.git/info/refs?service=git-upload-pack`)).rejects.toThrow();
  });
});
