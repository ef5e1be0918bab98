/**
 * Test-only helpers around the real `git` CLI: every call runs with a clean environment (no
 * system or user config, a throwaway HOME, fixed author and committer) so results do not
 * depend on the machine running the tests.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ObjectType } from '../../src/store/index.ts';

/** The identity git uses for commits the CLI makes in tests. */
export const GIT_IDENTITY = { name: 'Git Tester', email: 'git-tester@example.org' } as const;

const tempDirs = new Set<string>();
let home: string | undefined;

/** Creates a fresh directory under the OS temp dir; {@link removeTempDirs} deletes it. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `taskgit-${prefix}-`));
  tempDirs.add(dir);
  return dir;
}

/** Deletes one directory made by {@link makeTempDir}. */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
  if (dir === home) home = undefined;
}

/** Deletes every directory made by {@link makeTempDir} (the throwaway HOME included). */
export function removeTempDirs(): void {
  for (const dir of [...tempDirs]) removeTempDir(dir);
}

/** The throwaway HOME of git calls, also their working directory when none is given. */
export function gitHome(): string {
  home ??= makeTempDir('home');
  return home;
}

/** The environment every git call gets: nothing inherited but PATH. */
export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: gitHome(),
    XDG_CONFIG_HOME: join(gitHome(), '.config'),
    // Never let a call wander up into the repository running the tests.
    GIT_CEILING_DIRECTORIES: tmpdir(),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: GIT_IDENTITY.name,
    GIT_AUTHOR_EMAIL: GIT_IDENTITY.email,
    GIT_COMMITTER_NAME: GIT_IDENTITY.name,
    GIT_COMMITTER_EMAIL: GIT_IDENTITY.email,
    LANG: 'C',
    LC_ALL: 'C',
    TZ: 'UTC',
    ...extra,
  };
}

/** Options of one git call. */
export interface GitOptions {
  /** Working directory (a worktree or a bare repository). */
  cwd?: string;
  /** Bytes or text fed to git's stdin. */
  input?: Uint8Array | string;
  /** Extra environment variables, e.g. GIT_AUTHOR_DATE. */
  env?: Record<string, string>;
}

const MAX_BUFFER = 512 * 1024 * 1024;

/** Runs git and returns its stdout as bytes; throws (with git's stderr) on a non-zero exit. */
export function git(args: readonly string[], options: GitOptions = {}): Buffer {
  try {
    return execFileSync('git', args, {
      cwd: options.cwd ?? gitHome(),
      input: options.input,
      env: gitEnv(options.env),
      maxBuffer: MAX_BUFFER,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (error) {
    const failed = error as { status?: number | null; stderr?: Buffer; stdout?: Buffer };
    const output = `${failed.stderr?.toString('utf8') ?? ''}${failed.stdout?.toString('utf8') ?? ''}`;
    throw new Error(`git ${args.join(' ')} failed (exit ${String(failed.status)}):\n${output}`, { cause: error });
  }
}

/** Runs git and returns its stdout as UTF-8 text. */
export function gitText(args: readonly string[], options: GitOptions = {}): string {
  return git(args, options).toString('utf8');
}

/** The outcome of a git call that is allowed to fail. */
export interface GitResult {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs git and reports its exit status and both outputs instead of throwing. */
export function gitRun(args: readonly string[], options: GitOptions = {}): GitResult {
  const result = spawnSync('git', args, {
    cwd: options.cwd ?? gitHome(),
    input: options.input,
    env: gitEnv(options.env),
    maxBuffer: MAX_BUFFER,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

const execFileAsync = promisify(execFile);

/**
 * Runs git without blocking the event loop, for calls that talk to a server running in the
 * same process (clone, fetch, push): a synchronous call would stall the server it waits for.
 */
export async function gitAsync(args: readonly string[], options: Omit<GitOptions, 'input'> = {}): Promise<string> {
  try {
    const { stdout } = await execFileAsync('git', args, { cwd: options.cwd ?? gitHome(), env: gitEnv(options.env), maxBuffer: MAX_BUFFER });
    return stdout;
  } catch (error) {
    const failed = error as { code?: number; stderr?: string; stdout?: string };
    throw new Error(`git ${args.join(' ')} failed (exit ${String(failed.code)}):\n${failed.stderr ?? ''}${failed.stdout ?? ''}`, { cause: error });
  }
}

/** Every object in a repository (loose or packed), by id, read with `cat-file --batch`. */
export function readAllObjects(repo: string): Map<string, { type: ObjectType; content: Uint8Array }> {
  const out = git(['cat-file', '--batch-all-objects', '--batch'], { cwd: repo });
  const objects = new Map<string, { type: ObjectType; content: Uint8Array }>();
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    const [oid, type, size] = out.toString('latin1', at, eol).split(' ') as [string, ObjectType, string];
    const start = eol + 1;
    const end = start + Number(size);
    objects.set(oid, { type, content: out.subarray(start, end) });
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
 * Calls `git http-backend` as a web server would, synchronously: `path` is PATH_INFO under
 * `projectRoot`. Splits the CGI headers from the body at the first blank line.
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
  const out = execFileSync('/usr/lib/git-core/git-http-backend', [], { env, input: request.body ?? new Uint8Array(), maxBuffer: MAX_BUFFER });
  const text = out.toString('latin1');
  const crlf = text.indexOf('\r\n\r\n');
  const lf = text.indexOf('\n\n');
  const [split, gap] = crlf >= 0 && (lf < 0 || crlf < lf) ? [crlf, 4] : [lf, 2];
  if (split < 0) throw new Error(`git http-backend sent no header/body separator: ${text.slice(0, 200)}`);
  const headers = new Map<string, string>();
  for (const line of text.slice(0, split).split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: out.subarray(split + gap) };
}
