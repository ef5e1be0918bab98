// Moves a ref of a bare repository the way git itself does, without a git process: take
// `<ref>.lock` exclusively, check the ref still points where the caller last saw it, write the new
// id to the lock and rename it over the ref. The fold is main's one writer; the lock keeps any
// other git process (an owner's `git gc`, a manual update-ref) from racing it unseen.
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Points `ref` (e.g. `refs/heads/main`) of `gitDir` at `next` if it still points at `expected` (`undefined`: absent). */
export async function moveRef(gitDir: string, ref: string, expected: string | undefined, next: string): Promise<void> {
  const path = join(gitDir, ref);
  const lock = `${path}.lock`;
  const handle = await open(lock, 'wx').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`${ref} is locked by another process (${error.code ?? error.message})`);
  });
  try {
    const current = await readRef(gitDir, ref);
    if (current !== expected) throw new Error(`${ref} moved to ${current ?? 'nothing'} meanwhile`);
    await handle.writeFile(`${next}\n`);
    await handle.close();
    await rename(lock, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(lock).catch(() => undefined);
    throw error;
  }
}

/** A ref's id: the loose file, else its line in packed-refs. */
async function readRef(gitDir: string, ref: string): Promise<string | undefined> {
  const loose = await readFile(join(gitDir, ref), 'utf8').catch(() => undefined);
  if (loose !== undefined) return loose.trim();
  const packed = await readFile(join(gitDir, 'packed-refs'), 'utf8').catch(() => '');
  return packed.split('\n').find((line) => line.endsWith(` ${ref}`))?.slice(0, 40);
}
