// A push of waiting comment files, as the comment remote takes it: per file a root commit whose
// tree holds only that file (so the remote judges exactly it, whatever else this browser has),
// sent to refs/for/main/<file name>; and the report that says, per ref, taken or refused. Pure.
import { concatBytes, encodeCommit, encodeTree, hashObject, type GitObject, type Oid, type Signature } from '../../store/index.ts';
import { FLUSH_PKT, ProtocolError, demultiplexSideBand, encodePack, encodePktLine, readPktLines } from '../../sync/index.ts';
import type { Comment, Retraction } from '../record.ts';
import type { PendingChange } from '../storage/index.ts';

const ZERO = '0'.repeat(40);

/** The request body, and which file each ref carries. */
export interface Submission {
  body: Uint8Array;
  /** Ref → file path. */
  refs: Map<string, string>;
}

/** Encodes `changes` as one receive-pack request: one command and root commit per file, one pack. */
export function encodeSubmission(changes: readonly PendingChange[]): Submission {
  const objects = new Map<string, GitObject>();
  const add = (type: GitObject['type'], content: Uint8Array): Oid => {
    const { oid } = hashObject(type, content);
    objects.set(oid, { type, content });
    return oid;
  };
  const refs = new Map<string, string>();
  const lines: Uint8Array[] = [];
  for (const change of changes) {
    const [, page = '', name = ''] = change.path.split('/');
    const blob = add('blob', change.bytes);
    const pageTree = add('tree', encodeTree([{ name, mode: '100644', oid: blob }]));
    const comments = add('tree', encodeTree([{ name: page, mode: '40000', oid: pageTree }]));
    const root = add('tree', encodeTree([{ name: 'comments', mode: '40000', oid: comments }]));
    const commit = add('commit', encodeCommit({ tree: root, parents: [], ...describe(change, page) }));
    const ref = `refs/for/main/${name.replace(/\.json$/, '')}`;
    refs.set(ref, change.path);
    lines.push(encodePktLine(`${ZERO} ${commit} ${ref}${lines.length === 0 ? '\0report-status side-band-64k agent=git-comments/2' : ''}\n`));
  }
  return { body: concatBytes([...lines, FLUSH_PKT, encodePack([...objects.values()])]), refs };
}

/** Who and when, and the message, of a file's root commit: from the file itself, so it is the same on every try. */
function describe(change: PendingChange, page: string): { author: Signature; committer: Signature; message: string } {
  const record = JSON.parse(new TextDecoder().decode(change.bytes)) as Partial<Comment & Retraction>;
  const time = Date.parse(record.created ?? record.retracted ?? '') || 0;
  const signature: Signature = { name: record.author?.trim() || 'Reader', email: 'reader@comments.invalid', timestamp: Math.floor(time / 1000), timezoneOffset: 0 };
  const message = change.kind === 'comment' ? `Comment by ${signature.name} on ${page}\n` : `Retract comment ${record.id ?? ''} on ${page}\n`;
  return { author: signature, committer: signature, message };
}

/**
 * Reads the remote's report: file path → `undefined` when taken, or the reason it was refused for
 * good. A pack the remote could not unpack is a ProtocolError (worth another try, not a refusal).
 */
export function readSubmissionReport(response: Uint8Array, refs: ReadonlyMap<string, string>): Map<string, string | undefined> {
  const lines = readPktLines(demultiplexSideBand(readPktLines(response), () => undefined))
    .filter((packet): packet is Uint8Array => packet instanceof Uint8Array)
    .map((packet) => new TextDecoder().decode(packet).replace(/\n$/, ''));
  const unpack = lines.find((line) => line.startsWith('unpack '));
  if (unpack !== 'unpack ok') throw new ProtocolError('report-status', unpack === undefined ? 'it has no "unpack" line' : `the remote could not take the pack: ${unpack.slice(7)}`);
  const outcomes = new Map<string, string | undefined>();
  for (const line of lines) {
    const match = /^(ok|ng) (\S+)(?: (.*))?$/.exec(line);
    const path = match ? refs.get(match[2] as string) : undefined;
    if (match && path !== undefined) outcomes.set(path, match[1] === 'ok' ? undefined : (match[3] ?? 'refused'));
  }
  return outcomes;
}
