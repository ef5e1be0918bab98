import type { TransactionContext } from '../store/index.ts';
import { encodeRecord } from './encode-record.ts';
import { mergeRecordFile } from './merge-records.ts';
import { recordPath } from './paths.ts';
import type { RecordChange, Snapshot } from './snapshot.ts';

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * Stages one change of an edit computed from `basis`. When the file moved on since (another
 * command of this tab not yet seen, another tab, a sync), the change is merged three-way onto
 * it with the record merge rules, base the record as `basis` had it, instead of overwriting
 * it: a star given a moment ago survives a state change computed before it landed.
 */
export async function writeChange(tx: TransactionContext, change: RecordChange, basis: Snapshot): Promise<void> {
  const { kind, id } = 'put' in change ? change.put : change.remove;
  const path = recordPath(kind, id);
  const known = basis.records.get(id);
  const base = known === undefined ? undefined : encodeRecord(known);
  const ours = 'put' in change ? encodeRecord(change.put) : undefined;
  const theirs = await tx.get(path);
  const result = sameBytes(theirs, base) ? { data: ours } : mergeRecordFile({ path, base, ours, theirs });
  const data = result === undefined ? ours : result.data;
  if (data === undefined) tx.remove(path);
  else tx.set(path, data);
}
