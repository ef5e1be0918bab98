import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortedError, AuthFailedError, InterruptedError, NotARemoteError, RateLimitedError, ServerError, UnreachableError } from './errors.ts';
import { createTransport, requestUrl, watchSilence } from './transport.ts';

let server: Server;
let base: string;
const seen: Array<{ url: string; authorization: string | undefined; contentType: string | undefined }> = [];
type Answer =
  | { status: number; body: string; type?: string; headers?: Record<string, string> }
  | 'hang'
  | 'reset'
  | { cutAfter: string; length?: number }
  | { stallAfter: string }
  | { trickle: string[]; everyMs: number };
let answer: (request: IncomingMessage) => Answer = () => ({ status: 200, body: 'ok' });

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', authorization: request.headers.authorization, contentType: request.headers['content-type'] });
    const reply = answer(request);
    if (reply === 'hang') return;
    if (reply === 'reset') return request.socket.destroy();
    if ('cutAfter' in reply) {
      response.writeHead(200, reply.length === undefined ? {} : { 'Content-Length': String(reply.length) });
      response.write(reply.cutAfter, () => setTimeout(() => request.socket.destroy(), 20));
      return;
    }
    if ('stallAfter' in reply) return void response.writeHead(200).write(reply.stallAfter);
    if ('trickle' in reply) {
      response.writeHead(200);
      const [first, ...rest] = reply.trickle;
      response.write(first ?? '');
      const timer = setInterval(() => {
        const next = rest.shift();
        if (next === undefined) clearInterval(timer);
        if (next === undefined) response.end();
        else response.write(next);
      }, reply.everyMs);
      return;
    }
    response.writeHead(reply.status, { ...(reply.type ? { 'Content-Type': reply.type } : {}), ...reply.headers }).end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('requestUrl', () => {
  it('addresses the remote, or the CORS proxy with the remote host and path after it', () => {
    expect(requestUrl('https://github.com/me/tasks.git/', undefined, 'info/refs?service=git-upload-pack')).toBe(
      'https://github.com/me/tasks.git/info/refs?service=git-upload-pack',
    );
    expect(requestUrl('https://github.com/me/tasks.git', 'http://127.0.0.1:9999/', 'git-receive-pack')).toBe(
      'http://127.0.0.1:9999/github.com/me/tasks.git/git-receive-pack',
    );
  });
});

describe('createTransport', () => {
  it('sends Basic credentials (UTF-8) and git content types to the remote', async () => {
    answer = () => ({ status: 200, body: '0000' });
    const transport = createTransport({ url: `${base}/x.git`, auth: { username: 'zoë', password: 'tök€n' } });
    expect(new TextDecoder().decode(await transport.advertise('git-upload-pack'))).toBe('0000');
    await transport.rpc('git-receive-pack', new Uint8Array([1, 2]));
    const [get, post] = seen.slice(-2);
    expect(get?.url).toBe('/x.git/info/refs?service=git-upload-pack');
    expect(get?.authorization).toBe(`Basic ${Buffer.from('zoë:tök€n').toString('base64')}`);
    expect(post?.url).toBe('/x.git/git-receive-pack');
    expect(post?.contentType).toBe('application/x-git-receive-pack-request');
  });

  it('sends POSTs untyped when asked (a CORS-simple request: no preflight)', async () => {
    answer = () => ({ status: 200, body: '0000' });
    await createTransport({ url: `${base}/c.git`, untypedPosts: true }).rpc('git-receive-pack', new Uint8Array([1, 2]));
    expect(seen.at(-1)?.url).toBe('/c.git/git-receive-pack');
    expect(seen.at(-1)?.contentType).toBeUndefined();
  });

  it('makes the same requests again from its portable options, as a worker does after a structured clone', async () => {
    answer = () => ({ status: 200, body: '0000' });
    const options = { url: `${base}/p.git`, auth: { username: 'u', password: 'p' }, timeoutMs: 5_000, untypedPosts: true };
    const page = createTransport({ ...options, signal: new AbortController().signal, onBytes: () => undefined });
    expect(page.portable).toEqual(options);
    const worker = createTransport(structuredClone(page.portable ?? { url: '' }));
    await worker.rpc('git-upload-pack', new Uint8Array([1]));
    await page.rpc('git-upload-pack', new Uint8Array([1]));
    const [fromWorker, fromPage] = seen.slice(-2);
    expect(fromWorker).toEqual(fromPage);
    expect(fromWorker?.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
  });

  it('gives up a request another realm makes as this transport would, once it is silent past the timeout', async () => {
    const silent = (heard: number | undefined): Promise<unknown> =>
      new Promise((resolve) => {
        const watch = watchSilence({ url: `${base}/w.git`, timeoutMs: 50 }, resolve);
        if (heard !== undefined) watch.heard(heard);
      });
    expect(await silent(undefined)).toMatchObject({ code: 'unreachable', data: { reason: 'timeout' } });
    const interrupted = await silent(1234);
    expect(interrupted).toBeInstanceOf(InterruptedError);
    expect(interrupted).toMatchObject({ data: { received: 1234, reason: 'timeout' } });
    const stopped = await new Promise((resolve) => {
      watchSilence({ url: `${base}/w.git`, timeoutMs: 50 }, resolve).stop();
      setTimeout(() => resolve('not given up'), 150);
    });
    expect(stopped).toBe('not given up');
  });

  it('sends everything, credentials included, to the CORS proxy when one is set', async () => {
    answer = () => ({ status: 200, body: '0000' });
    const transport = createTransport({ url: 'https://example.org/me/x.git', corsProxy: base, auth: { username: 'u', password: 'p' } });
    await transport.advertise('git-upload-pack');
    expect(seen.at(-1)?.url).toBe('/example.org/me/x.git/info/refs?service=git-upload-pack');
  });

  it.each([
    [401, AuthFailedError, /refused the username and token \(HTTP 401\)/],
    [403, AuthFailedError, /refused the username and token \(HTTP 403\)/],
    [404, NotARemoteError, /is not a git remote: there is no git repository there \(HTTP 404\)/],
    [500, ServerError, /HTTP 500: boom/],
  ])('turns HTTP %i into a typed error that says what to do', async (status, type, words) => {
    answer = () => ({ status, body: 'boom' });
    const attempt = createTransport({ url: `${base}/x.git`, auth: { username: 'u', password: 'p' } }).advertise('git-upload-pack');
    await expect(attempt).rejects.toBeInstanceOf(type);
    await expect(createTransport({ url: `${base}/x.git`, auth: { username: 'u', password: 'p' } }).advertise('git-upload-pack')).rejects.toThrow(words);
  });

  it("gives a refusal's reason in the remote's own words, as plain text, and none from a web page", async () => {
    const auth = { username: 'u', password: 'p' };
    answer = () => ({ status: 401, body: 'The token was refused: it was revoked.\n', type: 'text/plain' });
    const refused = await createTransport({ url: `${base}/x.git`, auth }).advertise('git-upload-pack').catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'auth-failed', data: { status: 401, reason: 'The token was refused: it was revoked.' } });
    expect((refused as Error).message).toMatch(/\(HTTP 401\)\. Check them in the sync settings\. The remote says: “The token was refused: it was revoked\.”$/);
    answer = () => ({ status: 403, body: '<html><title>403 Forbidden</title></html>', type: 'text/html' });
    const page = await createTransport({ url: `${base}/x.git`, auth }).advertise('git-upload-pack').catch((error: unknown) => error);
    expect(page).toMatchObject({ code: 'auth-failed', data: { reason: '' } });
    expect((page as Error).message).not.toMatch(/says|html/);
  });

  it('words a 429 as attempts turned away for a while, with the wait the remote asked for', async () => {
    answer = () => ({ status: 429, body: 'Too many wrong tokens from your address; try again in 540 seconds.\n', headers: { 'Retry-After': '540' } });
    const limited = await createTransport({ url: `${base}/x.git`, auth: { username: 'u', password: 'p' } }).advertise('git-upload-pack').catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect(limited).toMatchObject({ code: 'server-error', data: { status: 429, retryAfterSeconds: 540 } });
    const words = (limited as Error).message;
    expect(words).toContain('turned this device away for now (HTTP 429): too many attempts from this address, such as sign-ins with a wrong username or token.');
    expect(words).toContain('The remote says: “Too many wrong tokens from your address; try again in 540 seconds.”');
    expect(words).toContain('Try again in 9 minutes; if the token may be wrong, check it in the sync settings first.');
    expect(words).not.toMatch(/push/);
    answer = () => ({ status: 429, body: '' });
    await expect(createTransport({ url: `${base}/x.git` }).advertise('git-upload-pack')).rejects.toThrow(/too many attempts from this address\. Your changes are saved on this device\. Try again later\.$/);
  });

  it('asks for credentials when a 401 comes to a request that sent none', async () => {
    answer = () => ({ status: 401, body: '' });
    await expect(createTransport({ url: `${base}/x.git` }).advertise('git-upload-pack')).rejects.toThrow(/asks for a username and token/);
  });

  it('tells a web page or another server from a git remote', async () => {
    answer = () => ({ status: 200, body: '<!doctype html><title>Sign in</title>', type: 'text/html; charset=utf-8' });
    await expect(createTransport({ url: `${base}/x.git` }).advertise('git-upload-pack')).rejects.toMatchObject({ code: 'not-a-remote', data: { reason: 'web-page' } });
    answer = () => ({ status: 200, body: 'Hello from a plain HTTP server' });
    await expect(createTransport({ url: `${base}/x.git` }).advertise('git-upload-pack')).rejects.toMatchObject({ code: 'not-a-remote', data: { reason: 'not-git' } });
  });

  it('reports a server that is not there, cuts the connection or is too slow to answer as unreachable, saying why', async () => {
    const closed = `http://127.0.0.1:${await closedPort()}/x.git`;
    await expect(createTransport({ url: closed }).advertise('git-upload-pack')).rejects.toMatchObject({ code: 'unreachable', data: { reason: 'refused' } });
    answer = () => 'reset';
    await expect(createTransport({ url: `${base}/x.git` }).advertise('git-upload-pack')).rejects.toMatchObject({ code: 'unreachable', data: { reason: 'reset' } });
    answer = () => 'hang';
    const slow = createTransport({ url: `${base}/x.git`, timeoutMs: 200 }).advertise('git-upload-pack');
    await expect(slow).rejects.toBeInstanceOf(UnreachableError);
    await expect(createTransport({ url: `${base}/x.git`, timeoutMs: 200 }).advertise('git-upload-pack')).rejects.toThrow(/did not answer in time/);
  });

  it('reports a server that dies or goes silent mid-answer as interrupted, not unreachable', async () => {
    answer = () => ({ cutAfter: '0032want', length: 500 });
    const cut = await createTransport({ url: `${base}/x.git` }).rpc('git-upload-pack', new Uint8Array()).catch((error: unknown) => error);
    expect(cut).toBeInstanceOf(InterruptedError);
    expect(cut).toMatchObject({ code: 'interrupted', data: { received: 8, reason: 'cut' } });
    answer = () => ({ stallAfter: '0008NAK\n' });
    const silent = await createTransport({ url: `${base}/x.git`, timeoutMs: 300 }).rpc('git-upload-pack', new Uint8Array()).catch((error: unknown) => error);
    expect(silent).toMatchObject({ code: 'interrupted', data: { reason: 'timeout' } });
    expect((silent as Error).message).toMatch(/went silent in the middle of its answer/);
  });

  it('stops when the caller aborts', async () => {
    answer = () => 'hang';
    const controller = new AbortController();
    const attempt = createTransport({ url: `${base}/x.git`, signal: controller.signal }).rpc('git-upload-pack', new Uint8Array());
    setTimeout(() => controller.abort(), 50);
    await expect(attempt).rejects.toBeInstanceOf(AbortedError);
  });

  it('streams an answer to its consumer chunk by chunk, and counts silence, not length, against the timeout', async () => {
    const parts = Array.from({ length: 10 }, (_, i) => `000${i}`);
    answer = () => ({ trickle: parts, everyMs: 150 });
    const chunks: string[] = [];
    const transport = createTransport({ url: `${base}/x.git`, timeoutMs: 1000 });
    await transport.rpcStream('git-upload-pack', new Uint8Array(), async (chunk) => void chunks.push(new TextDecoder().decode(chunk)));
    expect(chunks.join('')).toBe(parts.join(''));
    expect(chunks.length).toBeGreaterThan(1);
  });

  it('refuses a streamed web page before its consumer sees it, and lets what the consumer throws pass as it is', async () => {
    answer = () => ({ status: 200, body: '<!doctype html><title>Sign in</title>', type: 'text/html' });
    let seenBytes = 0;
    const page = createTransport({ url: `${base}/x.git` }).rpcStream('git-upload-pack', new Uint8Array(), async (chunk) => void (seenBytes += chunk.length));
    await expect(page).rejects.toMatchObject({ code: 'not-a-remote', data: { reason: 'web-page' } });
    expect(seenBytes).toBe(0);
    answer = () => ({ status: 200, body: '0008NAK\n' });
    const refusal = new Error('the pack is bad');
    const refused = createTransport({ url: `${base}/x.git` }).rpcStream('git-upload-pack', new Uint8Array(), () => Promise.reject(refusal));
    await expect(refused).rejects.toBe(refusal);
  });

  it('stops a streamed answer when the caller aborts while it is coming', async () => {
    answer = () => ({ stallAfter: '0008NAK\n' });
    const controller = new AbortController();
    const attempt = createTransport({ url: `${base}/x.git`, signal: controller.signal }).rpcStream('git-upload-pack', new Uint8Array(), async () => controller.abort());
    await expect(attempt).rejects.toBeInstanceOf(AbortedError);
  });
});
