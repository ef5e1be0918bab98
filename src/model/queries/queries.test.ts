import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../snapshot.ts';
import type { ActionState, AnyRecord, ProjectState } from '../types.ts';
import {
  contactsView,
  countByState,
  parentPath,
  problems,
  processTree,
  REVIEW_MODES,
  reviewView,
  scheduleView,
  search,
  workView,
} from './index.ts';
import { action, arbitrarySnapshot, area, contact, context, id, project, snapshotOf } from '../../../test/support/model-snapshots.ts';

const TODAY = '2026-03-01';

/** Runs every query once on `snapshot`. */
function runAll(snapshot: Snapshot, someId: string): void {
  processTree(snapshot);
  processTree(snapshot, { showInactive: true });
  workView(snapshot, TODAY);
  workView(snapshot, TODAY, { hiddenAreas: new Set([someId]) });
  contactsView(snapshot);
  scheduleView(snapshot, TODAY);
  for (const mode of REVIEW_MODES) reviewView(snapshot, mode);
  problems(snapshot);
  search(snapshot, 'tax call');
  search(snapshot, 'a');
  parentPath(snapshot, someId);
  countByState(snapshot);
}

/**
 * A 10,000-item snapshot shaped like a heavy user's: 200 areas (some nested), 1,800 projects
 * (some nested, some someday or done), 8,000 actions in every state, 20 contexts, 30 contacts,
 * descriptions, repeats, plus a 500-deep chain of projects and a cycle a merge left.
 */
function bigSnapshot(): Snapshot {
  let seed = 42;
  const random = (n: number): number => {
    seed = (seed * 48271) % 2147483647; // MINSTD: exact in doubles
    return seed % n;
  };
  const words = ['tax', 'call', 'bank', 'café', 'garden', 'report', 'email', 'shed', 'paint', 'book'];
  const phrase = (count: number): string => Array.from({ length: count }, () => words[random(words.length)]).join(' ');
  const records: AnyRecord[] = [];
  let n = 1;
  const contexts = Array.from({ length: 20 }, (_, i) => context(n++, `@place ${i}`));
  const contacts = Array.from({ length: 30 }, (_, i) => contact(n++, `Person ${i}`));
  records.push(...contexts, ...contacts);
  const areas: string[] = [];
  for (let i = 0; i < 200; i++) {
    const parent = i > 20 && random(2) === 0 ? areas[random(areas.length)] : undefined;
    const record = area(n++, `Area ${phrase(2)}`, parent ? { parent } : {});
    records.push(record);
    areas.push(record.id);
  }
  const projects: string[] = [];
  const projectStates: ProjectState[] = ['active', 'active', 'active', 'someday', 'done'];
  for (let i = 0; i < 1300; i++) {
    const parent = random(3) === 0 && projects.length > 0 ? projects[random(projects.length)] : areas[random(areas.length)];
    const record = project(n++, `Project ${phrase(3)}`, { parent, state: projectStates[random(projectStates.length)] as ProjectState, description: phrase(12) });
    records.push(record);
    projects.push(record.id);
  }
  let chainParent = areas[0] as string;
  for (let i = 0; i < 500; i++) {
    const record = project(n++, `Step ${i}`, { parent: chainParent });
    records.push(record);
    chainParent = record.id;
  }
  const actionStates: ActionState[] = ['inbox', 'next', 'next', 'next', 'waiting', 'waiting-for-contact', 'scheduled', 'future', 'done', 'done'];
  for (let i = 0; i < 7998; i++) {
    const state = actionStates[random(actionStates.length)] as ActionState;
    const day = `2026-0${1 + random(4)}-${String(1 + random(28)).padStart(2, '0')}`;
    records.push(
      action(n++, `${phrase(3)} ${i}`, {
        parent: random(10) === 0 ? chainParent : projects[random(projects.length)],
        state,
        ...(random(4) > 0 ? { context: (contexts[random(contexts.length)] as AnyRecord).id } : {}),
        ...(state === 'waiting-for-contact' || random(10) === 0 ? { contact: (contacts[random(contacts.length)] as AnyRecord).id } : {}),
        ...(state === 'scheduled' ? { waitUntil: day } : {}),
        ...(state === 'scheduled' && random(5) === 0 ? { repeat: { every: 1 + random(3), unit: 'day' as const, from: day } } : {}),
        ...(state === 'done' ? { completed: `${day}T12:00:00.000Z` } : {}),
        ...(random(3) === 0 ? { description: phrase(30) } : {}),
      }),
    );
  }
  records.push(project(n++, 'Loop A', { parent: id(n) }), project(n++, 'Loop B', { parent: id(n - 2) }));
  return snapshotOf(records);
}

describe('all queries', () => {
  it('run on a 10,000-item snapshot', () => {
    const snapshot = bigSnapshot();
    const items = [...snapshot.records.values()].filter((r) => r.kind !== 'contact' && r.kind !== 'context');
    expect(items).toHaveLength(10_000);
    runAll(snapshot, id(60));
    expect(parentPath(snapshot, id(2050))).toHaveLength(500);
    const work = workView(snapshot, TODAY);
    expect(work.contexts.length).toBe(21);
    expect(countByState(snapshot).actions.next).toBeGreaterThan(1500);
    expect(problems(snapshot).filter((p) => p.kind === 'parent-cycle')).toHaveLength(1);
  });

  it('never throw on arbitrary, even cyclic or dangling, snapshots', () => {
    fc.assert(
      fc.property(arbitrarySnapshot(), fc.nat({ max: 27 }), (snapshot, n) => runAll(snapshot, id(n))),
      { numRuns: 200 },
    );
  });

  it('leave the snapshot as it was', () => {
    const records = [area(1, 'Home'), project(2, 'Taxes', { parent: id(1) }), action(3, 'File', { parent: id(2), state: 'done', completed: '2026-02-01T00:00:00Z' })];
    const snapshot = snapshotOf(records);
    const before = JSON.stringify([...snapshot.records.values()]);
    runAll(snapshot, id(1));
    expect(JSON.stringify([...snapshot.records.values()])).toBe(before);
  });
});
