import type { ActionRecord, AnyRecord, RecordKind, Snapshot } from '../../model/index.ts';

/** The records of one kind (placeholder views only; real queries belong in src/model). */
export function recordsOf<K extends RecordKind>(snapshot: Snapshot, kind: K): Array<Extract<AnyRecord, { kind: K }>> {
  const out: Array<Extract<AnyRecord, { kind: K }>> = [];
  for (const record of snapshot.records.values()) if (record.kind === kind) out.push(record as Extract<AnyRecord, { kind: K }>);
  return out;
}

/** Actions in one of `states`. */
export function actionsIn(snapshot: Snapshot, ...states: Array<ActionRecord['state']>): ActionRecord[] {
  return recordsOf(snapshot, 'action').filter((action) => states.includes(action.state));
}
