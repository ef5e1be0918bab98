import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRequestPath, startStaticServer, type StaticServer } from './static-server.ts';
import { rawHeaders, rawRequest } from '../test/support/raw-request.ts';
import { createHash } from 'node:crypto';

const THEME_SCRIPT = "document.documentElement.dataset.theme = 'dark';";
const INDEX = `<!doctype html><title>app</title><script>${THEME_SCRIPT}</script><script type="module" src="/assets/app.js"></script><style>p { color: red }</style>`;
const SECRET = '{"name":"outside the root"}';
const CONFIG = { defaultRemote: 'http://127.0.0.1:8174/tasks.git' };


describe('static server', () => {
  let base: string;
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    // <base>/package.json sits beside the served folder, as package.json sits beside dist/.
    base = await mkdtemp(join(tmpdir(), 'static-server-'));
    root = join(base, 'dist');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), INDEX);
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1);');
    await writeFile(join(root, 'manifest.webmanifest'), '{}');
    await writeFile(join(base, 'package.json'), SECRET);
    // What a careless deploy leaves in the served folder, and links leading out of it.
    await writeFile(join(root, '.env'), 'TOKEN=secret');
    await mkdir(join(root, '.git'));
    await writeFile(join(root, '.git', 'config'), '[remote "origin"] url = https://secret@example.org');
    await symlink(join(base, 'package.json'), join(root, 'linked.json'));
    await symlink(base, join(root, 'linked-folder'));
    await symlink(join(root, 'assets', 'app.js'), join(root, 'inside.js'));
    server = await startStaticServer({
      root,
      port: 0,
      headers: { 'Cross-Origin-Opener-Policy': 'same-origin' },
      documents: { '/config.json': CONFIG },
    });
  });

  afterAll(async () => {
    await server?.close();
    await rm(base, { recursive: true, force: true });
  });

  it('listens on the loopback at a chosen port', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('serves index.html with its content type and the extra headers', async () => {
    const response = await fetch(new URL('index.html', server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(await response.text()).toBe(INDEX);
  });

  it('serves other files with their content types', async () => {
    const script = await fetch(new URL('assets/app.js', server.url));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1);');
    const manifest = await fetch(new URL('manifest.webmanifest', server.url));
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
  });

  it('falls back to index.html for an app route, but not for a missing file', async () => {
    const route = await fetch(new URL('inbox/today', server.url));
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(INDEX);
    const missing = await fetch(new URL('assets/missing.js', server.url));
    expect(missing.status).toBe(404);
  });

  it.each(['/../package.json', '/assets/../../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/..%5cpackage.json'])(
    'refuses the traversal %s',
    async (path) => {
      const response = await rawRequest(server.port, path);
      expect(response.status).toBe(403);
      expect(response.body).not.toContain('outside the root');
    },
  );

  it('resolves only paths inside the root', () => {
    expect(resolveRequestPath('/srv/dist', '/a/b.js?x=1')).toBe('/srv/dist/a/b.js');
    expect(resolveRequestPath('/srv/dist', '/../etc/passwd')).toBeUndefined();
    expect(resolveRequestPath('/srv/dist', '/a%00.js')).toBeUndefined();
    expect(resolveRequestPath('/srv/dist', '/%E0%A4%A')).toBeUndefined();
  });

  it('takes a free port when the one asked for is busy', async () => {
    const second = await startStaticServer({ root, port: server.port });
    try {
      expect(second.port).not.toBe(server.port);
      expect((await fetch(second.url)).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('serves the documents given at start as JSON, never cached', async () => {
    const response = await fetch(new URL('config.json?fresh=1', server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(await response.json()).toEqual(CONFIG);
    const head = await fetch(new URL('config.json', server.url), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.each(['/.env', '/.git/config', '/.git/', '/assets/../.env', '/%2eenv', '/.git'])('answers 404 for the dotfile path %s', async (path) => {
    const response = await rawRequest(server.port, path);
    expect([403, 404]).toContain(response.status);
    expect(response.body).not.toContain('secret');
    expect(response.body).not.toContain('<title>app</title>');
  });

  it.each(['/linked.json', '/linked-folder/package.json'])('answers 404 for %s, a symlink out of the root', async (path) => {
    const response = await rawRequest(server.port, path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('outside the root');
  });

  it('follows a symlink that stays inside the root', async () => {
    const response = await fetch(new URL('inside.js', server.url));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1);');
  });

  it('sends a CSP allowing only its own scripts plus the page\'s inline blocks by hash, and nosniff on every answer', async () => {
    const page = await fetch(server.url);
    const policy = page.headers.get('content-security-policy') ?? '';
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${hash(THEME_SCRIPT)}`);
    expect(policy).toContain(`style-src 'self' ${hash('p { color: red }')}`);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toMatch(/'unsafe-eval'/);
    for (const path of ['/', '/assets/app.js', '/config.json', '/.env', '/missing.js']) {
      const response = await rawHeaders(server.port, path);
      expect(response['x-content-type-options'], path).toBe('nosniff');
      expect(response['content-security-policy'], path).toBeDefined();
    }
    const refused = await fetch(server.url, { method: 'POST', body: 'x' });
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers only to the names it is reached by (no DNS rebinding)', async () => {
    const own = await rawHeaders(server.port, '/', { Host: `localhost:${server.port}` });
    expect(own.status).toBe('200');
    const foreign = await rawHeaders(server.port, '/', { Host: `rebind.evil.test:${server.port}` });
    expect(foreign.status).toBe('421');
  });

  it('refuses other methods', async () => {
    const response = await fetch(server.url, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
  });
});
