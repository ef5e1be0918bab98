/**
 * Opening a CueKeeper repository: its s-expression files read exactly as CueKeeper's
 * `ck_disk_node.ml` writes them, converted to this app's records with their uuids kept.
 */
export type { CueKeeperCounts, CueKeeperImport } from './read-repository.ts';
export type { Sexp } from './sexp.ts';
export { CUEKEEPER_BRANCH, importCueKeeper, openScratchRepo } from './import-cuekeeper.ts';
export type { CueKeeperImported } from './import-cuekeeper.ts';
