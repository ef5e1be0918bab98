import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { repairLinks, type LookupDeleted } from './repair-links.ts';
import { isItem, type Edit, type Snapshot } from './snapshot.ts';
import type { ActionRecord, AnyRecord, AreaRecord, ContactRecord, ContextRecord, ItemRecord, ProjectRecord } from './types.ts';

/** Ids that sort by `n`. */
const id = (n: number): string => `${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;
const CREATED = '2024-01-01T09:00:00.000Z';

const area = (n: number, extra: Partial<AreaRecord> = {}): AreaRecord => ({ kind: 'area', id: id(n), name: `Area ${n}`, created: CREATED, ...extra });
const project = (n: number, extra: Partial<ProjectRecord> = {}): ProjectRecord => ({
  kind: 'project',
  id: id(n),
  name: `Project ${n}`,
  created: CREATED,
  state: 'active',
  ...extra,
});
const action = (n: number, extra: Partial<ActionRecord> = {}): ActionRecord => ({
  kind: 'action',
  id: id(n),
  name: `Action ${n}`,
  created: CREATED,
  state: 'next',
  ...extra,
});
const contact = (n: number): ContactRecord => ({ kind: 'contact', id: id(n), name: `Contact ${n}`, created: CREATED });
const context = (n: number): ContextRecord => ({ kind: 'context', id: id(n), name: `@place${n}`, created: CREATED });

function snapshotOf(records: readonly AnyRecord[]): Snapshot {
  return { head: undefined, records: new Map(records.map((r) => [r.id, r])), malformed: [] };
}

function apply(snapshot: Snapshot, edit: Edit): Snapshot {
  const records = new Map(snapshot.records);
  for (const change of edit.changes) {
    if ('put' in change) records.set(change.put.id, change.put);
    else records.delete(change.remove.id);
  }
  return { ...snapshot, records };
}

const nothingDeleted: LookupDeleted = () => undefined;
const puts = (edit: Edit | undefined): AnyRecord[] => (edit?.changes ?? []).map((change) => ('put' in change ? change.put : undefined) as AnyRecord);

// ---- examples ----

describe('repairLinks', () => {
  it('returns undefined when every link holds', () => {
    const records = [
      area(1),
      area(2, { parent: id(1), contact: id(20) }),
      project(3, { parent: id(2) }),
      project(4, { parent: id(3) }),
      action(5, { parent: id(4), context: id(30), contact: id(20) }),
      action(6, { parent: id(1) }),
      contact(20),
      context(30),
    ];
    expect(repairLinks(snapshotOf(records), nothingDeleted)).toBeUndefined();
  });

  it('moves an item whose parent was deleted to the top level, with a note', () => {
    const edit = repairLinks(snapshotOf([action(1, { parent: id(9), starred: true })]), nothingDeleted);
    expect(edit).toEqual({
      message: 'Repair links after merge (1 repair)',
      changes: [
        {
          put: {
            ...action(1, { starred: true }),
            _conflicts: [{ field: 'parent', kept: null, discarded: id(9), note: 'Moved to the top level: its parent was deleted.' }],
          },
        },
      ],
    });
  });

  it('breaks a 2-cycle at the member with the smallest id', () => {
    const records = [project(2, { parent: id(1) }), project(1, { parent: id(2) }), action(3, { parent: id(2) })];
    const edit = repairLinks(snapshotOf(records), nothingDeleted);
    expect(edit?.message).toBe('Repair links after merge (1 repair)');
    expect(puts(edit)).toEqual([
      {
        ...project(1),
        _conflicts: [
          {
            field: 'parent',
            kept: null,
            discarded: id(2),
            note: 'Moved to the top level: after the merge, “Project 2” was both its parent and inside it.',
          },
        ],
      },
    ]);
  });

  it('breaks a 3-cycle and a self-parent, each once', () => {
    const records = [area(5, { parent: id(3) }), area(3, { parent: id(4) }), area(4, { parent: id(5) }), area(6, { parent: id(4) }), project(7, { parent: id(7) })];
    const edit = repairLinks(snapshotOf(records), nothingDeleted);
    expect(edit?.message).toBe('Repair links after merge (2 repairs)');
    expect(puts(edit).map((r) => [r.id, (r as ItemRecord).parent, r._conflicts?.[0]?.note])).toEqual([
      [id(3), undefined, 'Moved to the top level: after the merge, “Area 4” was both its parent and inside it.'],
      [id(7), undefined, 'Moved to the top level: after the merge, it was its own parent.'],
    ]);
  });

  it('restores a deleted context from the merge base, once for all its users, with a note on it', () => {
    const base = new Map<string, AnyRecord>([[id(30), context(30)]]);
    const records = [action(2, { context: id(30) }), action(1, { context: id(30) })];
    const edit = repairLinks(snapshotOf(records), (kind, wanted) => (kind === 'context' ? base.get(wanted) : undefined));
    expect(edit).toEqual({
      message: 'Repair links after merge (1 repair)',
      changes: [
        {
          put: {
            ...context(30),
            _conflicts: [
              {
                field: 'id',
                kept: id(30),
                note: 'Restored after a merge: deleted on another device, but “Action 1” and 1 other item still use this context.',
              },
            ],
          },
        },
      ],
    });
  });

  it('clears a contact that cannot be restored, and one of the wrong kind', () => {
    const records = [project(1, { contact: id(20) }), action(2, { contact: id(30), context: id(20) }), context(30)];
    // The lookup answers for the contact with a context: not accepted as the contact.
    const found: LookupDeleted = (kind) => (kind === 'contact' ? context(20) : undefined);
    const edit = repairLinks(snapshotOf(records), found);
    expect(edit?.message).toBe('Repair links after merge (3 repairs)');
    expect(puts(edit)).toEqual([
      {
        ...project(1),
        _conflicts: [
          { field: 'contact', kept: null, discarded: id(20), note: 'Its contact was deleted and could not be restored, so it was cleared.' },
        ],
      },
      {
        ...action(2),
        _conflicts: [
          { field: 'context', kept: null, discarded: id(20), note: 'Its context was deleted and could not be restored, so it was cleared.' },
          { field: 'contact', kept: null, discarded: id(30), note: 'Its contact pointed at a context “@place30”, not a contact, so it was cleared.' },
        ],
      },
    ]);
  });

  it('moves children of a record that cannot hold them to the top level', () => {
    const records = [project(1), area(2, { parent: id(1) }), action(3), action(4, { parent: id(3) }), contact(5), project(6, { parent: id(5) })];
    const edit = repairLinks(snapshotOf(records), nothingDeleted);
    expect(puts(edit).map((r) => [r.id, (r as ItemRecord).parent, r._conflicts?.[0]?.note])).toEqual([
      [id(2), undefined, 'Moved to the top level: a project “Project 1” cannot hold areas.'],
      [id(4), undefined, 'Moved to the top level: an action “Action 3” cannot hold actions.'],
      [id(6), undefined, 'Moved to the top level: a contact “Contact 5” cannot hold projects.'],
    ]);
  });

  it('keeps notes already on a record and combines repairs of one record into one change', () => {
    const earlier = { field: 'name', kept: 'A', discarded: 'B' };
    const records = [action(1, { parent: id(8), contact: id(9), _conflicts: [earlier] })];
    const [put] = puts(repairLinks(snapshotOf(records), nothingDeleted));
    expect(put?._conflicts?.map((note) => note.field)).toEqual(['parent', 'contact', 'name']);
    expect(put).not.toHaveProperty('parent');
    expect(put).not.toHaveProperty('contact');
  });
});

// ---- property ----

const ITEM_IDS = [1, 2, 3, 4, 5, 6].map(id);
const MISSING_ITEMS = [7, 8].map(id);
const CONTACT_IDS = [20, 21, 22].map(id);
const CONTEXT_IDS = [30, 31, 32].map(id);

const links = fc.record(
  {
    kind: fc.constantFrom('area' as const, 'project' as const, 'action' as const),
    parent: fc.constantFrom(...ITEM_IDS, ...MISSING_ITEMS, CONTACT_IDS[0] as string),
    contact: fc.constantFrom(...CONTACT_IDS, ITEM_IDS[0] as string),
    context: fc.constantFrom(...CONTEXT_IDS, CONTACT_IDS[0] as string),
  },
  { requiredKeys: ['kind'] },
);

/** A snapshot with tangled links, and what the merge base still has. */
const tangle = fc
  .record({
    items: fc.tuple(...ITEM_IDS.map(() => fc.option(links, { nil: undefined, freq: 5 }))),
    contacts: fc.subarray(CONTACT_IDS),
    contexts: fc.subarray(CONTEXT_IDS),
    deleted: fc.subarray([...CONTACT_IDS, ...CONTEXT_IDS]),
  })
  .map(({ items, contacts, contexts, deleted }) => {
    const records: AnyRecord[] = [];
    items.forEach((item, i) => {
      if (!item) return;
      const n = i + 1;
      const { kind, parent, contact: who, context: where } = item;
      const extra = { ...(parent && { parent }), ...(who && { contact: who }) };
      if (kind === 'area') records.push(area(n, extra));
      else if (kind === 'project') records.push(project(n, extra));
      else records.push(action(n, { ...extra, ...(where && { context: where }) }));
    });
    for (const c of contacts) records.push(contact(Number(c.slice(0, 8))));
    for (const c of contexts) records.push(context(Number(c.slice(0, 8))));
    const base = new Map<string, AnyRecord>(
      deleted.map((d) => {
        const n = Number(d.slice(0, 8));
        return [d, CONTACT_IDS.includes(d) ? contact(n) : context(n)];
      }),
    );
    return { records, lookup: ((_kind, wanted) => base.get(wanted)) as LookupDeleted };
  });

const HOLDS: Record<string, string[]> = { area: ['area', 'project', 'action'], project: ['project', 'action'] };

function expectSound(snapshot: Snapshot): void {
  for (const record of snapshot.records.values()) {
    if (!isItem(record)) continue;
    if (record.parent !== undefined) {
      const parent = snapshot.records.get(record.parent);
      expect(parent && HOLDS[parent.kind]?.includes(record.kind)).toBe(true);
    }
    if (record.contact !== undefined) expect(snapshot.records.get(record.contact)?.kind).toBe('contact');
    if (record.kind === 'action' && record.context !== undefined) expect(snapshot.records.get(record.context)?.kind).toBe('context');
    const seen = new Set<string>();
    for (let at: string | undefined = record.id; at !== undefined; at = (snapshot.records.get(at) as ItemRecord).parent) {
      expect(seen.has(at)).toBe(false);
      seen.add(at);
    }
  }
}

describe('repairLinks properties', () => {
  it('leaves no cycle or dangling link, and has nothing left to repair afterwards', () => {
    fc.assert(
      fc.property(tangle, ({ records, lookup }) => {
        const snapshot = snapshotOf(records);
        const edit = repairLinks(snapshot, lookup);
        const after = edit ? apply(snapshot, edit) : snapshot;
        expectSound(after);
        expect(repairLinks(after, lookup)).toBeUndefined();
        for (const put of puts(edit)) expect(put._conflicts?.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order the snapshot holds the records in', () => {
    fc.assert(
      fc.property(tangle, ({ records, lookup }) => {
        expect(repairLinks(snapshotOf([...records].reverse()), lookup)).toEqual(repairLinks(snapshotOf(records), lookup));
      }),
      { numRuns: 200 },
    );
  });
});
