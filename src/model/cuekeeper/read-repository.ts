import type { View } from '../../store/index.ts';
import { encodeRecord } from '../encode-record.ts';
import { ModelError } from '../errors.ts';
import { recordPath } from '../paths.ts';
import type { Edit } from '../snapshot.ts';
import type { AnyRecord } from '../types.ts';
import { isMalformed, parseRecord } from '../validate-record.ts';
import { CkShapeError, readDetails, readNode } from './ck-node.ts';
import { convertNode, convertPlain } from './convert.ts';
import { parseSexp, SexpSyntaxError } from './sexp.ts';

/** The only format of CueKeeper repository there is (its `ck-version` file). */
const CUEKEEPER_FORMAT = '0.1';

/** The folders of a CueKeeper repository, as `ck_update.ml` writes them, and what each holds. */
const FOLDERS = { db: 'item', contact: 'contact', context: 'context' } as const;

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** How many records of each kind an import holds. */
export interface CueKeeperCounts {
  areas: number;
  projects: number;
  actions: number;
  contacts: number;
  contexts: number;
}

/** A CueKeeper repository converted: the commit that writes its records, and what is in it. */
export interface CueKeeperImport {
  edit: Edit;
  counts: CueKeeperCounts;
}

function unreadable(path: string | undefined, reason: string): never {
  const where = path === undefined ? '' : `${path}: `;
  throw new ModelError('unreadable', `This is not a CueKeeper repository this app can read (${where}${reason}). Nothing was imported.`, path === undefined ? {} : { path });
}

/**
 * Converts the files of a CueKeeper repository (path -> bytes, as git holds them) into one
 * commit of this app's records, every record keeping its uuid: `ck-version` must say
 * {@link CUEKEEPER_FORMAT}; `db/<uuid>` holds areas, projects and actions, `contact/<uuid>`
 * and `context/<uuid>` the contacts and contexts, each one s-expression as CueKeeper's
 * `ck_disk_node.ml` writes it. Other files are ignored, as CueKeeper ignores them.
 *
 * @throws ModelError 'unreadable' naming the first file that does not parse, and why; the
 * caller then writes nothing.
 */
export function convertCueKeeperFiles(files: ReadonlyMap<string, Uint8Array>): CueKeeperImport {
  const version = files.get('ck-version');
  if (version === undefined) unreadable(undefined, 'it has no ck-version file');
  const format = decode('ck-version', version).trim();
  if (format !== CUEKEEPER_FORMAT) unreadable('ck-version', `its format is ${JSON.stringify(format)}; only ${CUEKEEPER_FORMAT} is known`);
  const records = new Map<string, AnyRecord>();
  const counts: CueKeeperCounts = { areas: 0, projects: 0, actions: 0, contacts: 0, contexts: 0 };
  for (const [path, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [folder, name, ...deeper] = path.split('/');
    if (folder === undefined || name === undefined || deeper.length > 0 || !Object.hasOwn(FOLDERS, folder)) continue;
    if (!UUID.test(name)) unreadable(path, 'a record’s file name must be its uuid');
    const id = name.toLowerCase();
    if (records.has(id)) unreadable(path, `the uuid ${id} is used twice`);
    const record = convertFile(path, folder as keyof typeof FOLDERS, id, decode(path, bytes));
    records.set(id, record);
    counts[`${record.kind}s`]++;
  }
  const changes = [...records.values()].map((put) => ({ put }));
  return { edit: { changes, message: importMessage(counts) }, counts };
}

function decode(path: string, bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return unreadable(path, 'it is not text');
  }
}

function convertFile(path: string, folder: keyof typeof FOLDERS, id: string, text: string): AnyRecord {
  let record: AnyRecord;
  try {
    const sexp = parseSexp(text);
    record = folder === 'db' ? convertNode(id, readNode(sexp)) : convertPlain(FOLDERS[folder], id, readDetails(sexp, `the ${FOLDERS[folder]}`));
  } catch (error) {
    if (error instanceof SexpSyntaxError || error instanceof CkShapeError) unreadable(path, error.message);
    throw error;
  }
  // What this app writes must read back as a record: anything else is refused here, not stored.
  const check = parseRecord(recordPath(record.kind, record.id), encodeRecord(record));
  if (isMalformed(check)) unreadable(path, check.reason);
  return record;
}

/** "Open CueKeeper repository: 12 areas, 1 project, 1 action, 7 contexts" (kinds with none left out). */
function importMessage(counts: CueKeeperCounts): string {
  const parts = (Object.keys(counts) as Array<keyof CueKeeperCounts>)
    .filter((kind) => counts[kind] > 0)
    .map((kind) => `${counts[kind]} ${counts[kind] === 1 ? kind.slice(0, -1) : kind}`);
  return `Open CueKeeper repository: ${parts.length > 0 ? parts.join(', ') : 'nothing in it'}`;
}

/** Reads the CueKeeper repository at `view` (a branch's head) and converts it (see {@link convertCueKeeperFiles}). */
export async function readCueKeeper(view: View): Promise<CueKeeperImport> {
  if (view.commitId === undefined) unreadable(undefined, 'the branch has no commit');
  const files = new Map<string, Uint8Array>();
  const version = await view.get('ck-version').catch(() => undefined);
  if (version !== undefined) files.set('ck-version', version);
  for (const folder of Object.keys(FOLDERS)) {
    let found: Map<string, Uint8Array>;
    try {
      found = await view.getAll(folder);
    } catch {
      continue; // a file, not a folder: CueKeeper would find no records there either
    }
    for (const [path, bytes] of found) files.set(path, bytes);
  }
  return convertCueKeeperFiles(files);
}
