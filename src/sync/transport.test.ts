import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortedError, AuthFailedError, NotFoundError, OfflineError, ServerError } from './errors.ts';
import { createTransport, requestUrl } from './transport.ts';

let server: Server;
let base: string;
const seen: Array<{ url: string; authorization: string | undefined; contentType: string | undefined }> = [];
let answer: (request: IncomingMessage) => { status: number; body: string } | 'hang' = () => ({ status: 200, body: 'ok' });

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', authorization: request.headers.authorization, contentType: request.headers['content-type'] });
    const reply = answer(request);
    if (reply === 'hang') return;
    response.writeHead(reply.status).end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

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
    answer = () => ({ status: 200, body: 'refs' });
    const transport = createTransport({ url: `${base}/x.git`, auth: { username: 'zoë', password: 'tök€n' } });
    expect(new TextDecoder().decode(await transport.advertise('git-upload-pack'))).toBe('refs');
    await transport.rpc('git-receive-pack', new Uint8Array([1, 2]));
    const [get, post] = seen.slice(-2);
    expect(get?.url).toBe('/x.git/info/refs?service=git-upload-pack');
    expect(get?.authorization).toBe(`Basic ${Buffer.from('zoë:tök€n').toString('base64')}`);
    expect(post?.url).toBe('/x.git/git-receive-pack');
    expect(post?.contentType).toBe('application/x-git-receive-pack-request');
  });

  it('sends everything, credentials included, to the CORS proxy when one is set', async () => {
    answer = () => ({ status: 200, body: '' });
    const transport = createTransport({ url: 'https://example.org/me/x.git', corsProxy: base, auth: { username: 'u', password: 'p' } });
    await transport.advertise('git-upload-pack');
    expect(seen.at(-1)?.url).toBe('/example.org/me/x.git/info/refs?service=git-upload-pack');
  });

  it.each([
    [401, AuthFailedError, /credentials/],
    [403, AuthFailedError, /credentials/],
    [404, NotFoundError, /remote URL/],
    [500, ServerError, /HTTP 500: boom/],
  ])('turns HTTP %i into a typed error that says what to do', async (status, type, words) => {
    answer = () => ({ status, body: 'boom' });
    const attempt = createTransport({ url: `${base}/x.git` }).advertise('git-upload-pack');
    await expect(attempt).rejects.toBeInstanceOf(type);
    await expect(createTransport({ url: `${base}/x.git` }).advertise('git-upload-pack')).rejects.toThrow(words);
  });

  it('reports a server that is not there, or too slow, as offline', async () => {
    await expect(createTransport({ url: 'http://127.0.0.1:9/x.git' }).advertise('git-upload-pack')).rejects.toBeInstanceOf(OfflineError);
    answer = () => 'hang';
    await expect(createTransport({ url: `${base}/x.git`, timeoutMs: 200 }).advertise('git-upload-pack')).rejects.toThrow(/timed out/);
  });

  it('stops when the caller aborts', async () => {
    answer = () => 'hang';
    const controller = new AbortController();
    const attempt = createTransport({ url: `${base}/x.git`, signal: controller.signal }).rpc('git-upload-pack', new Uint8Array());
    setTimeout(() => controller.abort(), 50);
    await expect(attempt).rejects.toBeInstanceOf(AbortedError);
  });
});
