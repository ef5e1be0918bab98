import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitEnv, makeTempDir, removeTempDirs } from '../test/support/git-cli.ts';
import { startCorsProxy, type CorsProxy } from './cors-proxy.ts';
import { CorsProxyConfigError } from './errors.ts';
import { startGitRemote, type GitRemote } from './git-remote.ts';

const execFileAsync = promisify(execFile);

/** The git CLI, asynchronously: a synchronous call would block the servers under test. */
async function git(args: readonly string[], cwd: string): Promise<string> {
  const { stdout } = await execFileAsync('git', args, { cwd, env: gitEnv() });
  return stdout;
}

describe('CORS proxy in front of the local git remote', () => {
  let remote: GitRemote;
  let proxy: CorsProxy;
  let target: string;

  beforeAll(async () => {
    remote = await startGitRemote({ dataDir: join(makeTempDir('cors-proxy'), 'remotes') });
    target = `127.0.0.1:${remote.port}`;
    proxy = await startCorsProxy({ insecureOrigins: [target] });
  });

  afterAll(async () => {
    await proxy?.close();
    await remote?.close();
    removeTempDirs();
  });

  it('forwards a ref advertisement and adds CORS headers', async () => {
    const response = await fetch(`${proxy.url}${target}/x.git/info/refs?service=git-upload-pack`, {
      headers: { Origin: 'http://127.0.0.1:8173' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('content-type');
    expect(response.headers.get('content-type')).toBe('application/x-git-upload-pack-advertisement');
    expect(await response.text()).toContain('# service=git-upload-pack');
  });

  it('answers a preflight', async () => {
    const response = await fetch(`${proxy.url}${target}/x.git/git-receive-pack`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:8173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-methods')).toBe('POST,GET,OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
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

  it('refuses requests that are not git smart HTTP', async () => {
    const response = await fetch(`${proxy.url}${target}/x.git/HEAD`);
    expect(response.status).toBe(403);
  });

  it('cannot serve other plain-HTTP targets in the same process', async () => {
    await expect(startCorsProxy({ insecureOrigins: ['127.0.0.1:1'] })).rejects.toBeInstanceOf(CorsProxyConfigError);
  });
});
