// Shared by the comment remote's tests: comment records, a working clone driven by the real git
// CLI (asynchronously: the server under test runs in the same process), and pushes whose refusal
// is returned, not thrown.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { commentFilePath, encodeCommentFile, type Comment, type Retraction } from '../../src/comments/record.ts';
import { gitAsync, gitEnv, makeTempDir } from '../support/git-cli.ts';

const execFileAsync = promisify(execFile);

/** The SHA-256 (hex) a comment stores of its author's secret. */
export function hashSecret(secret: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(secret)));
}

/** A valid comment on `page`, with its file path and the secret that retracts it. */
export function newComment(page = 'chapter-3', overrides: Partial<Comment> = {}): { comment: Comment; path: string; secret: string } {
  const secret = `secret-${randomUUID()}`;
  const comment: Comment = {
    id: randomUUID(),
    page,
    anchor: { kind: 'block', block: 'p-1' },
    parent: null,
    author: 'Ada',
    body: 'A *fine* paragraph.',
    created: '2026-11-23T10:00:00.000Z',
    secretHash: hashSecret(secret),
    ...overrides,
  };
  return { comment, path: commentFilePath(comment.page, comment.id), secret };
}

/** The tombstone that retracts `comment` with `secret`. */
export function retraction(comment: Comment, secret: string): { path: string; bytes: Uint8Array } {
  const record: Retraction = { id: comment.id, page: comment.page, secret, retracted: '2026-11-23T11:00:00.000Z' };
  return { path: commentFilePath(comment.page, comment.id, 'retraction'), bytes: encodeCommentFile(record) };
}

/** A clone of `url` in a fresh temporary folder. */
export async function cloneRemote(url: string): Promise<string> {
  const dir = join(makeTempDir('comments-work'), 'work');
  await gitAsync(['clone', '--quiet', url, dir]);
  return dir;
}

/** Writes (a value) or removes (null) files, then commits them all as one commit. */
export async function commitFiles(dir: string, files: Record<string, string | Uint8Array | null>, message = 'Change comments'): Promise<void> {
  for (const [path, contents] of Object.entries(files)) {
    const full = join(dir, path);
    if (contents === null) rmSync(full);
    else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, contents);
    }
  }
  await gitAsync(['add', '--all', '.'], { cwd: dir });
  await gitAsync(['commit', '--quiet', '--allow-empty', '-m', message], { cwd: dir });
}

/** `git push` with `args` (default: HEAD as a new submission); resolves with git's exit status and stderr. */
export async function push(dir: string, args: readonly string[] = ['origin', `HEAD:refs/for/main/${randomUUID()}`], env: Record<string, string> = {}): Promise<{ ok: boolean; stderr: string }> {
  try {
    const { stderr } = await execFileAsync('git', ['push', ...args], { cwd: dir, env: gitEnv(env) });
    return { ok: true, stderr };
  } catch (error) {
    return { ok: false, stderr: (error as { stderr?: string }).stderr ?? String(error) };
  }
}

/** The reasons git reports for refs the remote refused (`! [remote rejected] a -> b (reason)`). */
export function rejections(stderr: string): string[] {
  return [...stderr.matchAll(/\[remote rejected\] \S+ -> \S+ \((.*)\)$/gm)].map((match) => match[1] as string);
}
