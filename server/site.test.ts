// The site's life: it lets a push under way finish when told to stop, takes a renewed
// certificate, reports its health, and tells the app what it is.
import { request } from 'node:http';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { connect } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTestCertificate } from '../test/support/test-certificate.ts';
import { makeTempDir, removeTempDirs } from '../test/support/git-cli.ts';
import { startSite } from './site.ts';

afterAll(() => removeTempDirs());

/** The fingerprint of the certificate a TLS server on 127.0.0.1:`port` presents to a new connection. */
function peerCertificate(port: number): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      done(socket.getPeerX509Certificate()?.fingerprint256 ?? '');
      socket.end();
    });
    socket.on('error', fail);
  });
}

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

  it('reports its health to any name, and 503 when its data folder is gone', async () => {
    const dataDir = makeTempDir('site-health');
    const site = await startSite({ port: 0, urls: ['https://tasks.example.org'], repos: { kind: 'accounts', dataDir }, wayThrough: false });
    try {
      const local = `http://127.0.0.1:${site.port}/`;
      expect(await (await fetch(`${local}healthz`)).json()).toEqual({ status: 'ok' });
      expect((await fetch(local)).status).toBe(421); // anything else only by the names of --url
      rmSync(dataDir, { recursive: true, force: true });
      const gone = await fetch(`${local}healthz`);
      expect(gone.status).toBe(503);
      expect(await gone.json()).toEqual({ status: 'unhealthy', reason: 'the data folder cannot be read' });
    } finally {
      await site.close(0);
    }
  });

  it('takes a renewed certificate for new connections', async () => {
    const first = makeTestCertificate(['127.0.0.1']);
    const renewed = makeTestCertificate(['127.0.0.1']);
    const site = await startSite({ port: 0, tls: { cert: first.cert, key: first.key }, repos: { kind: 'local', dataDir: makeTempDir('site-tls') }, wayThrough: false });
    try {
      expect(await peerCertificate(site.port)).toBe(new X509Certificate(first.cert).fingerprint256);
      site.setTls({ cert: renewed.cert, key: renewed.key });
      expect(await peerCertificate(site.port)).toBe(new X509Certificate(renewed.cert).fingerprint256);
    } finally {
      await site.close(0);
    }
  });

  it('serves the comment repositories beside the accounts, and no other repository at the top', async () => {
    const dataDir = join(makeTempDir('site-comments'), 'data');
    const site = await startSite({ port: 0, repos: { kind: 'accounts', dataDir }, wayThrough: false, comments: { repos: ['comments.git'] } });
    try {
      const comments = await fetch(`${site.url}comments.git/info/refs?service=git-receive-pack`, { headers: { Origin: 'https://book.example.org' } });
      expect(comments.status).toBe(200);
      expect(comments.headers.get('access-control-allow-origin')).toBe('https://book.example.org');
      expect(existsSync(join(dataDir, 'comments', 'comments.git', 'HEAD'))).toBe(true); // in the data folder's comments/
      expect((await fetch(`${site.url}tasks.git/info/refs?service=git-upload-pack`)).status).toBe(404);
      expect((await fetch(`${site.url}alice/tasks.git/info/refs?service=git-upload-pack`)).status).toBe(401);
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
