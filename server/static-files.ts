// Serving the files of a built site (`dist/`, the bench page): content types for what Vite
// emits, an SPA fallback to index.html, and nothing from outside the root: no `..`, no dotfiles
// (`.env`, `.git/`), no symlink leading out. Pages get the Content-Security-Policy with the
// hashes of their own inline blocks; every file gets `nosniff` (set by the caller).
import { open, realpath, stat, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { inlineHashes, pagePolicy, type InlineHashes } from './content-security-policy.ts';
import { sendText } from './security-headers.ts';

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

/** What to serve and how. */
export interface StaticFilesOptions {
  /** The folder to serve. */
  root: string;
  /** Headers added to every file and document, e.g. COOP/COEP for a cross-origin isolated page. */
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

/** Answers one GET or HEAD request from the files; other methods are the caller's to refuse. */
export type StaticFiles = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** A {@link StaticFiles} over `options.root` (which must exist). */
export async function createStaticFiles(options: StaticFilesOptions): Promise<StaticFiles> {
  const root = resolve(options.root);
  const realRoot = await realpath(root);
  const pages = new PageHashes();
  const extra = options.headers ?? {};
  return async (request, response) => {
    const pathname = (request.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    if (options.documents && Object.hasOwn(options.documents, pathname)) {
      const body = `${JSON.stringify(options.documents[pathname], null, 2)}\n`;
      response.writeHead(200, { ...extra, 'Content-Type': CONTENT_TYPES['.json'], 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-cache' });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    const path = resolveRequestPath(root, request.url ?? '/');
    if (path === undefined) {
      sendText(response, 403, 'forbidden\n', extra);
      return;
    }
    // A dotfile is as absent as a missing file: no SPA fallback, no hint that it exists.
    let file = isHidden(root, path) ? undefined : await findFile(path, realRoot);
    if (!file && options.spaFallback !== false && extname(path) === '' && !isHidden(root, path)) file = await findFile(join(root, 'index.html'), realRoot);
    if (!file) {
      sendText(response, 404, 'not found\n', extra);
      return;
    }
    // Open before answering: a file removed after it was found (a rebuild of dist/ while serving)
    // is then a 404, not a crash of the whole server.
    const handle = await open(file.path).catch(() => undefined);
    if (!handle) {
      sendText(response, 404, 'not found\n', extra);
      return;
    }
    const type = CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
    const hashes = type.startsWith('text/html') ? await pages.of(file, handle) : undefined;
    response.writeHead(200, {
      ...extra,
      'Content-Type': type,
      'Content-Length': file.size,
      'Content-Security-Policy': pagePolicy(hashes),
      // The page and its service worker must be revalidated; hashed assets never change.
      'Cache-Control': type.startsWith('text/html') || file.path.endsWith('sw.js') ? 'no-cache' : 'public, max-age=3600',
    });
    if (request.method === 'HEAD') {
      await handle.close();
      response.end();
      return;
    }
    pipeline(handle.createReadStream({ start: 0 }), response, (error) => {
      if (error) response.destroy();
    });
  };
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
  return isInside(root, path) ? path : undefined;
}

/** Whether `path` names a dotfile or a file in a dot-folder below `root` (`.env`, `.git/config`). */
function isHidden(root: string, path: string): boolean {
  return relative(root, path)
    .split(sep)
    .some((segment) => segment.startsWith('.'));
}

function isInside(root: string, path: string): boolean {
  const inside = relative(root, path);
  return !(inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside));
}

interface FoundFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * A regular file at `path`, or its `index.html` when `path` is a folder; `undefined` when there
 * is none, or when it is reached through a symlink that leads out of `realRoot`.
 */
async function findFile(path: string, realRoot: string): Promise<FoundFile | undefined> {
  const found = await stat(path).catch(() => undefined);
  if (found?.isDirectory()) return findFile(join(path, 'index.html'), realRoot);
  if (!found?.isFile()) return undefined;
  const real = await realpath(path).catch(() => undefined);
  if (real === undefined || !isInside(realRoot, real)) return undefined;
  return { path, size: found.size, mtimeMs: found.mtimeMs };
}

/** The inline-block hashes of each page, read once per version of the file. */
class PageHashes {
  readonly #known = new Map<string, { version: string; hashes: InlineHashes }>();

  async of(file: FoundFile, handle: FileHandle): Promise<InlineHashes> {
    const version = `${file.size}:${file.mtimeMs}`;
    const known = this.#known.get(file.path);
    if (known?.version === version) return known.hashes;
    const { buffer } = await handle.read({ buffer: Buffer.alloc(file.size), position: 0 });
    const hashes = inlineHashes(buffer.toString('utf8'));
    this.#known.set(file.path, { version, hashes });
    return hashes;
  }
}
