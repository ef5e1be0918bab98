// A small static file server for a built site (`dist/`, the bench page): loopback only, content
// types for what Vite emits, an SPA fallback to index.html, no way out of the root folder, and a
// few JSON documents given at start (the app's run-time configuration).
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { baseUrl, closeServer, listenOrFallBack } from './listen.ts';

/** Content type by file extension; anything else is served as bytes. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** How to start a {@link StaticServer}. */
export interface StaticServerOptions {
  /** The folder to serve. */
  root: string;
  /** The port to try first; 0 picks a free one. When it is busy a free port is used instead. */
  port?: number;
  /** Loopback by default; the server is for this machine only. */
  host?: string;
  /** Headers added to every response, e.g. COOP/COEP for a cross-origin isolated page. */
  headers?: Readonly<Record<string, string>>;
  /** Serve `index.html` for a missing path that is not a file name (an app route); default true. */
  spaFallback?: boolean;
  /**
   * JSON documents served at fixed paths ahead of the files, never cached, e.g.
   * `{ '/config.json': { defaultRemote: 'http://127.0.0.1:8174/tasks.git' } }`: configuration
   * known only when the server starts, so it cannot be part of the build.
   */
  documents?: Readonly<Record<string, unknown>>;
}

/** A running server. */
export interface StaticServer {
  /** `http://<host>:<port>/` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Starts serving `options.root`; resolves once it listens. */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const host = options.host ?? '127.0.0.1';
  const server = createServer((request, response) => {
    handleRequest(root, options, request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'internal error\n', options.headers);
      else response.destroy(error instanceof Error ? error : undefined);
    });
  });
  const port = await listenOrFallBack(server, options.port ?? 0, host);
  return { url: baseUrl(host, port), port, close: () => closeServer(server) };
}

async function handleRequest(
  root: string,
  options: StaticServerOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    send(response, 405, 'method not allowed\n', options.headers);
    return;
  }
  const pathname = (request.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
  if (options.documents && Object.hasOwn(options.documents, pathname)) {
    sendDocument(request, response, options.documents[pathname], options.headers);
    return;
  }
  const path = resolveRequestPath(root, request.url ?? '/');
  if (path === undefined) {
    send(response, 403, 'forbidden\n', options.headers);
    return;
  }
  let file = await findFile(path);
  if (!file && options.spaFallback !== false && extname(path) === '') file = await findFile(join(root, 'index.html'));
  if (!file) {
    send(response, 404, 'not found\n', options.headers);
    return;
  }
  // Open before answering: a file removed after it was found (a rebuild of dist/ while serving)
  // is then a 404, not a crash of the whole server.
  const handle = await open(file.path).catch(() => undefined);
  if (!handle) {
    send(response, 404, 'not found\n', options.headers);
    return;
  }
  const type = CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
  response.writeHead(200, {
    ...options.headers,
    'Content-Type': type,
    'Content-Length': file.size,
    'X-Content-Type-Options': 'nosniff',
    // The page and its service worker must be revalidated; hashed assets never change.
    'Cache-Control': type.startsWith('text/html') || file.path.endsWith('sw.js') ? 'no-cache' : 'public, max-age=3600',
  });
  if (request.method === 'HEAD') {
    await handle.close();
    response.end();
    return;
  }
  pipeline(handle.createReadStream(), response, (error) => {
    if (error) response.destroy();
  });
}

/**
 * The file system path a request names, or `undefined` when it must be refused: a malformed
 * escape, a NUL, a backslash, or any `..` segment (checked on the raw path, before a URL parser
 * could quietly normalise it away), or a result outside `root`.
 */
export function resolveRequestPath(root: string, rawUrl: string): string | undefined {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '';
  if (!rawPath.startsWith('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  if (decoded.split('/').some((segment) => segment === '..')) return undefined;
  const path = resolve(root, `.${decoded}`);
  const inside = relative(root, path);
  if (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return undefined;
  return path;
}

/** A regular file at `path`, or its `index.html` when `path` is a folder. */
async function findFile(path: string): Promise<{ path: string; size: number } | undefined> {
  const found = await stat(path).catch(() => undefined);
  if (found?.isFile()) return { path, size: found.size };
  if (found?.isDirectory()) return findFile(join(path, 'index.html'));
  return undefined;
}

function sendDocument(
  request: IncomingMessage,
  response: ServerResponse,
  document: unknown,
  headers?: Readonly<Record<string, string>>,
): void {
  const body = `${JSON.stringify(document, null, 2)}\n`;
  response.writeHead(200, {
    ...headers,
    'Content-Type': CONTENT_TYPES['.json'],
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function send(response: ServerResponse, status: number, body: string, headers?: Readonly<Record<string, string>>): void {
  response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}
