/**
 * Opening a CueKeeper repository: its s-expression files read exactly as CueKeeper's
 * `ck_disk_node.ml` writes them, converted to this app's records with their uuids kept.
 */
export { CUEKEEPER_FORMAT, convertCueKeeperFiles, readCueKeeper } from './read-repository.ts';
export type { CueKeeperCounts, CueKeeperImport } from './read-repository.ts';
export { parseSexp, SexpSyntaxError } from './sexp.ts';
export type { Sexp } from './sexp.ts';
export { CUEKEEPER_BRANCH, importCueKeeper, openScratchRepo } from './import-cuekeeper.ts';
export type { CueKeeperImported } from './import-cuekeeper.ts';
