/**
 * Opens a CueKeeper repository in the app: brings it into a scratch repository in memory (a
 * sync from a git remote, or an import of a git bundle), then the model reads and converts it
 * and commits the records as one commit. Nothing is written when any step fails.
 */
import { CUEKEEPER_BRANCH, importCueKeeper, openScratchRepo, type CueKeeperImported, type Tasks } from '../../model/index.ts';

/** Where the CueKeeper repository is: a git remote, or a bundle file's bytes. */
export type CueKeeperSource = { kind: 'remote'; url: string; branch?: string } | { kind: 'bundle'; bytes: Uint8Array; branch?: string };

/** The steps, for a progress line. */
export type CueKeeperStep = 'fetching' | 'reading' | 'converting';

/** Brings the CueKeeper repository at `source` into `tasks`; see the module's comment. */
export async function openCueKeeper(tasks: Tasks, source: CueKeeperSource, onStep: (step: CueKeeperStep) => void = () => undefined): Promise<CueKeeperImported> {
  const branch = source.branch?.trim() || CUEKEEPER_BRANCH;
  const scratch = await openScratchRepo();
  try {
    const { importBundle, sync } = await import('../../sync/index.ts');
    onStep(source.kind === 'remote' ? 'fetching' : 'reading');
    if (source.kind === 'remote') {
      const outcome = await sync(scratch.git, { url: source.url.trim(), branch });
      if (outcome.kind === 'failed') throw outcome.error;
    } else {
      await importBundle(scratch.git, source.bytes, { branch });
    }
    onStep('converting');
    return await importCueKeeper(tasks, scratch, branch);
  } finally {
    await scratch.close();
  }
}

/** "Opened the CueKeeper repository: 10 areas, 1 project, 2 actions, 7 contexts." */
export function describeCueKeeperImport({ counts }: CueKeeperImported): string {
  const parts = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${count === 1 ? kind.slice(0, -1) : kind}`);
  return parts.length === 0 ? 'The CueKeeper repository is empty: nothing to import.' : `Opened the CueKeeper repository: ${parts.join(', ')}, each keeping its id, in one commit.`;
}
