// Makes a bare repository a comment repository: the pre-receive hook that judges every push, and
// receive settings that back it up (no deletes, no force, objects checked, pack size bounded).
import { execFile } from 'node:child_process';
import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundleHook } from './hook-bundle.ts';

const run = promisify(execFile);

/** The largest pack one push may send: comments are a few KB, trees a few hundred. */
export const MAX_PUSH_BYTES = 8 * 1024 * 1024;

const RECEIVE_CONFIG: ReadonlyArray<readonly [string, string]> = [
  ['http.receivepack', 'true'],
  ['receive.denyDeletes', 'true'],
  ['receive.denyNonFastForwards', 'true'],
  ['receive.fsckObjects', 'true'],
  ['receive.maxInputSize', String(MAX_PUSH_BYTES)],
];

/**
 * Installs (or refreshes) the comment hook in the bare repository `dir`: `hooks/pre-receive.mjs`
 * (the bundled hook) and `hooks/pre-receive` (a shell script running it with this Node). Each
 * file is written beside and renamed into place, so a push never runs half a hook.
 */
export async function installCommentHook(dir: string): Promise<void> {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
  for (const [key, value] of RECEIVE_CONFIG) await run('git', ['-C', dir, 'config', key, value], { env });
  const hooks = join(dir, 'hooks');
  await mkdir(hooks, { recursive: true });
  await writeAtomically(join(hooks, 'pre-receive.mjs'), await bundleHook(), 0o644);
  await writeAtomically(join(hooks, 'pre-receive'), hookScript(), 0o755);
}

async function writeAtomically(path: string, contents: string, mode: number): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, contents);
  await chmod(temp, mode);
  await rename(temp, path);
}

/** The shell script git runs: this Node on the bundled hook beside it (the repository may move). */
function hookScript(): string {
  return [
    '#!/bin/sh',
    '# Written by the Taskgit comment remote (server/comments/hook-install.ts): judges every push.',
    `exec ${quote(process.execPath)} "$(dirname "$0")/pre-receive.mjs"`,
    '',
  ].join('\n');
}

function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
