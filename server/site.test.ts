// The site's life: it lets a push under way finish when told to stop, takes a renewed
// certificate, reports its health, and tells the app what it is.
import { request } from 'node:http';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDirs } from '../test/support/git-cli.ts';
import { startSite } from './site.ts';

afterAll(() => removeTempDirs());

describe('site', () => {
  it('lets a request under way finish when it stops, and takes no new one', async () => {
    const site = await startSite({ port: 0, repos: { kind: 'local', dataDir: makeTempDir('site-graceful') }, wayThrough: false });
    // A push whose body is still coming when the server is told to stop.
    const answer = new Promise<{ status: number; body: string }>((done, fail) => {
      const push = request(`${site.url}slow.git/git-receive-pack`, { method: 'POST', headers: { 'Content-Type': 'application/x-git-receive-pack-request' } }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString('latin1')));
        response.on('end', () => done({ status: response.statusCode ?? 0, body }));
      });
      push.on('error', fail);
      push.write('0000'.slice(0, 2));
      setTimeout(() => push.end('00'), 300);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = site.close(10_000);
    await expect(fetch(`${site.url}healthz`)).rejects.toThrow();
    const { status } = await answer;
    expect(status).toBe(200);
    await closed;
  });

  it('reports its health, and 503 when its data folder is gone', async () => {
    const dataDir = makeTempDir('site-health');
    const site = await startSite({ port: 0, repos: { kind: 'accounts', dataDir }, wayThrough: false });
    try {
      expect(await (await fetch(`${site.url}healthz`)).json()).toEqual({ status: 'ok' });
      rmSync(dataDir, { recursive: true, force: true });
      const gone = await fetch(`${site.url}healthz`);
      expect(gone.status).toBe(503);
      expect((await gone.json()).status).toBe('unhealthy');
    } finally {
      await site.close(0);
    }
  });

  it('tells the app its own remote and its way through, with {user} where it has accounts', async () => {
    const site = await startSite({
      port: 0,
      urls: ['https://tasks.example.org'],
      repos: { kind: 'accounts', dataDir: join(makeTempDir('site-config'), 'data') },
      wayThrough: { upstreams: ['github.com'] },
      comments: { repos: ['comments.git'] },
    });
    try {
      expect(site.config).toEqual({
        commentsRemote: 'https://tasks.example.org/comments.git',
        server: { remote: 'https://tasks.example.org/{user}/tasks.git', wayThrough: { url: 'https://tasks.example.org/proxy', hosts: ['github.com'] } },
      });
    } finally {
      await site.close(0);
    }
  });
});
