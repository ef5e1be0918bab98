import { createServer, get, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { baseUrl, closeServer, listen } from '../../server/listen.ts';
import { startFaultProxy, type Fault, type FaultProxy } from './fault-proxy.ts';

const BIG = 100_000;

/** The target: `/echo` answers what it got and how many requests it has seen; `/big` and `/chunked` send bytes. */
function startTarget(): { server: Server; seen: () => number } {
  let seen = 0;
  const server = createServer((request, response) => {
    seen += 1;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/big') {
        response.writeHead(200, { 'Content-Length': BIG }).end(Buffer.alloc(BIG, 'x'));
      } else if (request.url === '/chunked') {
        response.writeHead(200, { 'Content-Type': 'text/plain' });
        response.write('0123456789');
        setTimeout(() => response.end('abcdefghij'), 20);
      } else {
        const body = Buffer.concat(chunks).toString('utf8');
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ method: request.method, path: request.url, body, seen }));
      }
    });
  });
  return { server, seen: () => seen };
}

/** Reads a whole answer with Node's client, which reports how many body bytes came and whether the answer was complete. */
function readRaw(url: string): Promise<{ status: number; bytes: number; complete: boolean }> {
  return new Promise((done, fail) => {
    get(url, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('error', () => undefined); // "aborted": reported through `complete`
      response.on('close', () => done({ status: response.statusCode ?? 0, bytes, complete: response.complete }));
    }).on('error', fail);
  });
}

describe('fault proxy', () => {
  let target: ReturnType<typeof startTarget>;
  let targetUrl: string;
  let proxy: FaultProxy;
  const plan = (fault: Fault) => () => fault;

  beforeEach(async () => {
    target = startTarget();
    targetUrl = baseUrl('127.0.0.1', await listen(target.server, 0, '127.0.0.1'));
    proxy = await startFaultProxy({ target: targetUrl, plan: plan({ kind: 'pass' }) });
  });

  afterEach(async () => {
    await proxy.close();
    if (target.server.listening) await closeServer(target.server);
  });

  it('passes requests through, body and query included, and records them', async () => {
    const got = await fetch(new URL('echo?q=1', proxy.url), { method: 'POST', body: 'hello' });
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual({ method: 'POST', path: '/echo?q=1', body: 'hello', seen: 1 });
    expect(await (await fetch(new URL('echo', proxy.url))).json()).toMatchObject({ method: 'GET', seen: 2 });
    expect(proxy.requests).toEqual([
      { method: 'POST', path: '/echo?q=1', fault: { kind: 'pass' } },
      { method: 'GET', path: '/echo', fault: { kind: 'pass' } },
    ]);
  });

  it('tells the plan each request with its index, and takes a new plan', async () => {
    const seenByPlan: unknown[] = [];
    proxy.setPlan((request) => {
      seenByPlan.push(request);
      return request.index === 0 ? { kind: 'status', status: 503 } : { kind: 'pass' };
    });
    expect((await fetch(new URL('echo', proxy.url))).status).toBe(503);
    expect((await fetch(new URL('echo', proxy.url), { method: 'POST', body: 'x' })).status).toBe(200);
    expect(seenByPlan).toEqual([
      { method: 'GET', path: '/echo', index: 0 },
      { method: 'POST', path: '/echo', index: 1 },
    ]);
    proxy.setPlan(plan({ kind: 'status', status: 500 }));
    expect((await fetch(new URL('echo', proxy.url))).status).toBe(500);
    expect(proxy.requests.map((request) => request.fault)).toEqual([
      { kind: 'status', status: 503 },
      { kind: 'pass' },
      { kind: 'status', status: 500 },
    ]);
  });

  it('resets the connection without forwarding', async () => {
    proxy.setPlan(plan({ kind: 'reset' }));
    await expect(fetch(new URL('echo', proxy.url), { method: 'POST', body: 'lost' })).rejects.toThrow();
    expect(target.seen()).toBe(0);
  });

  it.each([500, 401, 503])('answers %i itself, with a body, without forwarding', async (status) => {
    proxy.setPlan(plan({ kind: 'status', status, body: `no (${status})\n` }));
    const got = await fetch(new URL('echo', proxy.url), { method: 'POST', body: 'ignored' });
    expect(got.status).toBe(status);
    expect(await got.text()).toBe(`no (${status})\n`);
    expect(target.seen()).toBe(0);
  });

  it('sends the headers it is given with a status', async () => {
    proxy.setPlan(plan({ kind: 'status', status: 401, headers: { 'WWW-Authenticate': 'Basic realm="git"' } }));
    const got = await fetch(new URL('echo', proxy.url));
    expect(got.headers.get('www-authenticate')).toBe('Basic realm="git"');
    expect(await got.text()).toBe('fault proxy: injected 401\n');
  });

  it('truncates the body after N bytes and drops the connection', async () => {
    proxy.setPlan(plan({ kind: 'truncate', bytes: 1000 }));
    expect(await readRaw(new URL('big', proxy.url).href)).toEqual({ status: 200, bytes: 1000, complete: false });
    proxy.setPlan(plan({ kind: 'truncate', bytes: 0 }));
    expect(await readRaw(new URL('big', proxy.url).href)).toEqual({ status: 200, bytes: 0, complete: false });
    const fetched = await fetch(new URL('big', proxy.url));
    await expect(fetched.arrayBuffer()).rejects.toThrow();
  });

  it('holds the answer open after N bytes, sending nothing more, until the client gives up', async () => {
    proxy.setPlan(plan({ kind: 'hold', bytes: 1000 }));
    const controller = new AbortController();
    const answer = await fetch(new URL('big', proxy.url), { signal: controller.signal });
    const reader = (answer.body as ReadableStream<Uint8Array>).getReader();
    let bytes = 0;
    while (bytes < 1000) bytes += ((await reader.read()).value as Uint8Array).length;
    expect(bytes).toBe(1000);
    const next = reader.read();
    const first = await Promise.race([next.then(() => 'more came'), new Promise((resolve) => setTimeout(() => resolve('held'), 200))]);
    expect(first).toBe('held');
    controller.abort();
    await expect(next).rejects.toThrow(/abort/i);
  });

  it('leaves a chunked answer unfinished even when the cut falls past its end', async () => {
    proxy.setPlan(plan({ kind: 'truncate', bytes: 15 }));
    expect(await readRaw(new URL('chunked', proxy.url).href)).toEqual({ status: 200, bytes: 15, complete: false });
    proxy.setPlan(plan({ kind: 'truncate', bytes: 1000 }));
    expect(await readRaw(new URL('chunked', proxy.url).href)).toEqual({ status: 200, bytes: 20, complete: false });
  });

  it('stalls until the client gives up', async () => {
    proxy.setPlan(plan({ kind: 'stall' }));
    const started = Date.now();
    await expect(fetch(new URL('echo', proxy.url), { signal: AbortSignal.timeout(200) })).rejects.toThrow(/timeout|abort/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(target.seen()).toBe(0);
  });

  it('ends stalled requests on close()', async () => {
    proxy.setPlan(plan({ kind: 'stall' }));
    const stalled = fetch(new URL('echo', proxy.url), { method: 'POST', body: 'waiting' });
    stalled.catch(() => undefined); // awaited below; a loaded machine may take a while to get there
    await vi.waitFor(() => expect(proxy.requests).toHaveLength(1));
    const started = Date.now();
    await proxy.close();
    await expect(stalled).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('sends a duplicated request twice and answers with the second answer', async () => {
    proxy.setPlan(plan({ kind: 'duplicate' }));
    const got = await fetch(new URL('echo', proxy.url), { method: 'POST', body: 'twice' });
    expect(await got.json()).toEqual({ method: 'POST', path: '/echo', body: 'twice', seen: 2 });
    expect(target.seen()).toBe(2);
    expect(proxy.requests).toHaveLength(1);
  });

  it('answers 502 when the target is down, without retrying', async () => {
    await closeServer(target.server);
    const got = await fetch(new URL('echo', proxy.url));
    expect(got.status).toBe(502);
    expect(proxy.requests).toHaveLength(1);
  });
});
