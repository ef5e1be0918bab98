/** Test-only: CueKeeper's first-run repository (test/fixtures/cuekeeper-init), path -> bytes. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
