// What a client may cost the server, tried as an attacker would: headers sent too slowly, a push
// body that stops mid-way, a burst of wrong tokens sent all at once, and more large bodies for
// the way through than memory should hold. Each is cut or refused, and the server answers
// others afterwards.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccessEntry } from '../../server/access-log.ts';
import { DeviceTokens, dataFolder } from '../../server/accounts/index.ts';
import { startSite, type Site, type SiteOptions } from '../../server/site.ts';
import { makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { rawRequest } from '../support/raw-request.ts';

let site: Site | undefined;

afterEach(async () => {
  await site?.close(0);
  site = undefined;
  removeTempDirs();
});

async function start(options: Partial<SiteOptions>): Promise<Site> {
  site = await startSite({ port: 0, repos: { kind: 'local', dataDir: makeTempDir('limits') }, wayThrough: false, ...options });
  return site;
}

/** Opens a connection to `port`, writes `text`, and resolves with all it got once the server closes it. */
function sendAndWaitForClose(port: number, text: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(text));
    let got = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (got += chunk));
    socket.on('error', fail);
    socket.on('close', () => done(got));
  });
}

/** How many `git http-backend` processes this test process runs (`ps` exits 1 when there are no children). */
function backendsRunning(): number {
  let commands = '';
  try {
    commands = execFileSync('ps', ['-o', 'comm=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  } catch {
    return 0;
  }
  return commands.split('\n').filter((command) => command.startsWith('git-http-backen')).length;
}

/** Resolves once `condition` holds (checked every 50 ms; the test's own timeout bounds the wait). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((done) => setTimeout(done, 50));
}

describe('the limits of a site', () => {
  it('cuts a client whose headers never end (slowloris), and answers the next one', async () => {
    const { port } = await start({ timeouts: { headersMs: 300 } });
    const got = await sendAndWaitForClose(port, `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: a`);
    expect(got).toMatch(/^HTTP\/1\.1 408/);
    expect((await rawRequest(port, '/healthz')).status).toBe(200);
  });

  it('cuts a push whose body goes silent mid-way, with the git process it fed', async () => {
    const { port } = await start({ timeouts: { idleMs: 1000 } });
    const head = `POST /tasks.git/git-receive-pack HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-git-receive-pack-request\r\nContent-Length: 1000\r\n\r\n`;
    // Half a pkt-line, then silence: the backend waits for the rest.
    const closed = sendAndWaitForClose(port, `${head}00`);
    await until(() => backendsRunning() > 0);
    const got = await closed;
    expect(got).not.toMatch(/\r\n0\r\n\r\n$/); // the answer, if begun, never ended as a whole one
    await until(() => backendsRunning() === 0);
    expect((await rawRequest(port, '/tasks.git/info/refs?service=git-upload-pack')).status).toBe(200);
  });

  it('counts every wrong token of a burst sent at once: the per-address limit holds', async () => {
    const dataDir = makeTempDir('limits-accounts');
    await new DeviceTokens(dataFolder(dataDir).tokens).add('alice', 'laptop');
    const { port } = await start({ repos: { kind: 'accounts', dataDir, failures: { pushes: 3, perSeconds: 600 } } });
    // Twelve requests in one write (pipelined): the server reads them all before answering any.
    const one = (i: number) =>
      `GET /alice/tasks.git/info/refs?service=git-upload-pack HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Basic ${Buffer.from(`alice:tgt_guess${i}`).toString('base64')}\r\n${i === 11 ? 'Connection: close\r\n' : ''}\r\n`;
    const got = await sendAndWaitForClose(port, Array.from({ length: 12 }, (_, i) => one(i)).join(''));
    const statuses = [...got.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((match) => Number(match[1]));
    expect(statuses.sort()).toEqual([401, 401, 401, ...Array<number>(9).fill(429)]);
  });

  it('cuts the answer when git http-backend dies mid-way, so no client takes half an answer for a whole one', async () => {
    const backend = join(makeTempDir('limits-backend'), 'dies-mid-answer');
    writeFileSync(backend, "#!/bin/sh\nprintf 'Content-Type: application/x-git-upload-pack-advertisement\\r\\n\\r\\n001e# service=git-upload-pack\\n'\nkill -9 $$\n", { mode: 0o755 });
    const log: AccessEntry[] = [];
    const { url } = await start({ backend, log: (entry) => log.push(entry) });
    const answer = await fetch(`${url}tasks.git/info/refs?service=git-upload-pack`);
    expect(answer.status).toBe(200); // the head had gone out when it died
    await expect(answer.text()).rejects.toThrow();
    await until(() => log.length > 0);
    expect(log[0]).toMatchObject({ status: 200, cut: true });
    expect((await fetch(`${url}healthz`)).status).toBe(200);
  });

  it('lets an address through to GitHub so many times a minute', async () => {
    const { port } = await start({ wayThrough: { upstreams: [{ host: 'github.com', connect: '127.0.0.1:1' }], rate: { pushes: 2, perSeconds: 600 } } });
    const path = '/proxy/github.com/owner/tasks.git/info/refs?service=git-upload-pack';
    expect((await rawRequest(port, path)).status).toBe(502); // nothing listens upstream
    expect((await rawRequest(port, path)).status).toBe(502);
    const refused = await rawRequest(port, path);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatch(/^Too many requests through the way through from your address; try again in \d+ seconds/);
  });

  it('holds at most so many bytes of bodies for the way through, and takes more once they are gone', async () => {
    const mib = 1024 * 1024;
    const { port } = await start({ wayThrough: { upstreams: [{ host: 'github.com', connect: '127.0.0.1:1' }], maxBodyBytes: mib, maxHeldBytes: 1.5 * mib } });
    const path = '/proxy/github.com/owner/tasks.git/git-upload-pack';
    const post = (size: number, headers: Record<string, string> = {}) =>
      httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'Content-Type': 'application/x-git-upload-pack-request', 'Content-Length': String(size), ...headers } });
    const answer = (sent: ReturnType<typeof post>) =>
      new Promise<{ status: number; body: string; retryAfter: string | undefined }>((done, fail) => {
        sent.on('error', fail);
        sent.on('response', (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => done({ status: response.statusCode ?? 0, body, retryAfter: response.headers['retry-after'] }));
        });
      });
    // The first body is declared and held (the server asks for it with 100 Continue once it has room).
    const first = post(mib, { Expect: '100-continue' });
    const firstAnswer = answer(first);
    await new Promise((done) => first.once('continue', done));
    // Refused by their declared length, before a byte of their bodies is read.
    const second = post(700 * 1024, { Expect: '100-continue' });
    const refused = await answer(second);
    second.destroy();
    expect(refused.status).toBe(503);
    expect(refused.body).toContain('The way through is carrying as much as it may at once');
    expect(refused.retryAfter).toBe('60');
    const tooLarge = post(2 * mib, { Expect: '100-continue' });
    expect((await answer(tooLarge)).status).toBe(413);
    tooLarge.destroy();
    first.end(Buffer.alloc(mib));
    expect((await firstAnswer).status).toBe(502); // nothing listens upstream
    const third = post(700 * 1024);
    const thirdAnswer = answer(third);
    third.end(Buffer.alloc(700 * 1024));
    expect((await thirdAnswer).status).toBe(502);
  });
});
