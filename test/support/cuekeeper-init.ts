/** Test-only: CueKeeper's first-run repository (test/fixtures/cuekeeper-init), as files and as a git repository. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { git, makeTempDir } from './git-cli.ts';

/** Where the first-run data lies. */
export const CUEKEEPER_INIT_DIR = join(import.meta.dirname, '../fixtures/cuekeeper-init');

/** The files of CueKeeper's first-run repository, as CueKeeper's `lib/init/` holds them. */
export function cueKeeperInitFiles(): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>([['ck-version', readFileSync(join(CUEKEEPER_INIT_DIR, 'ck-version'))]]);
  for (const dir of ['db', 'context']) {
    for (const name of readdirSync(join(CUEKEEPER_INIT_DIR, dir))) files.set(`${dir}/${name}`, readFileSync(join(CUEKEEPER_INIT_DIR, dir, name)));
  }
  return files;
}

/**
 * A CueKeeper repository made with the git CLI, its records on `master` as CueKeeper keeps
 * them: the first-run data plus `extra` files (path -> text), committed once. Its directory.
 */
export function makeCueKeeperRepository(extra: Record<string, string> = {}): string {
  const dir = makeTempDir('cuekeeper');
  git(['init', '-q', '-b', 'master', dir]);
  const files = [...cueKeeperInitFiles(), ...Object.entries(extra).map(([path, text]) => [path, new TextEncoder().encode(text)] as const)];
  for (const [path, bytes] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  git(['add', '-A'], { cwd: dir });
  git(['commit', '-q', '-m', 'Initialise repository'], { cwd: dir });
  return dir;
}
