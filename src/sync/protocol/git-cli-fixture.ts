/**
 * Test-only helpers that drive the real `git` CLI in temporary directories: run commands,
 * read every object of a repository, and call `git http-backend` as a CGI program.
 * Nothing outside tests imports this file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ObjectType } from '../../store/index.ts';

/** A fresh directory under the system temp dir; remove it with {@link removeTempDir}. */
export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `taskgit-${prefix}-`));
}

/** Removes a directory made by {@link makeTempDir}. */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** An environment that ignores the machine's git config and fixes identities and dates. */
function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: tmpdir(),
    LANG: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.com',
    GIT_COMMITTER_NAME: 'Test Committer',
    GIT_COMMITTER_EMAIL: 'committer@example.com',
    GIT_AUTHOR_DATE: '1700000000 +0100',
    GIT_COMMITTER_DATE: '1700000000 +0100',
    ...extra,
  };
}

/** Runs `git <args>` in `cwd` (stdin from `input`) and returns its stdout bytes. */
export function runGit(cwd: string, args: readonly string[], input?: Uint8Array | string): Uint8Array {
  const out = execFileSync('git', args, { cwd, env: gitEnv(), input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** Runs `git <args>` and returns stdout as trimmed text. */
export function runGitText(cwd: string, args: readonly string[], input?: Uint8Array | string): string {
  return new TextDecoder().decode(runGit(cwd, args, input)).trim();
}

/** Every object in a repository (loose or packed), by id, read with `cat-file --batch`. */
export function readAllObjects(repo: string): Map<string, { type: ObjectType; content: Uint8Array }> {
  const out = runGit(repo, ['cat-file', '--batch-all-objects', '--batch']);
  const objects = new Map<string, { type: ObjectType; content: Uint8Array }>();
  const decoder = new TextDecoder();
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    const [oid, type, size] = decoder.decode(out.subarray(at, eol)).split(' ') as [string, ObjectType, string];
    const start = eol + 1;
    const end = start + Number(size);
    objects.set(oid, { type, content: out.slice(start, end) });
    at = end + 1;
  }
  return objects;
}

/** What `git http-backend` answered: CGI headers (lower-cased names) and the body. */
export interface CgiResponse {
  headers: Map<string, string>;
  body: Uint8Array;
}

/**
 * Calls `git http-backend` as a web server would: `path` is PATH_INFO under `projectRoot`.
 * Splits the CGI headers from the body at the first blank line.
 */
export function callHttpBackend(
  projectRoot: string,
  request: { method: 'GET' | 'POST'; path: string; query?: string; body?: Uint8Array; contentType?: string },
): CgiResponse {
  const env = gitEnv({
    GIT_PROJECT_ROOT: projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: request.path,
    REQUEST_METHOD: request.method,
    QUERY_STRING: request.query ?? '',
    REMOTE_ADDR: '127.0.0.1',
    ...(request.body ? { CONTENT_LENGTH: String(request.body.length), CONTENT_TYPE: request.contentType ?? '' } : {}),
  });
  const out = execFileSync('/usr/lib/git-core/git-http-backend', [], { env, input: request.body ?? new Uint8Array(), maxBuffer: 1 << 30 });
  const bytes = new Uint8Array(out.buffer, out.byteOffset, out.length);
  const text = new TextDecoder('latin1').decode(bytes);
  const crlf = text.indexOf('\r\n\r\n');
  const lf = text.indexOf('\n\n');
  const [split, gap] = crlf >= 0 && (lf < 0 || crlf < lf) ? [crlf, 4] : [lf, 2];
  if (split < 0) throw new Error(`git http-backend sent no header/body separator: ${text.slice(0, 200)}`);
  const headers = new Map<string, string>();
  for (const line of text.slice(0, split).split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: bytes.slice(split + gap) };
}
