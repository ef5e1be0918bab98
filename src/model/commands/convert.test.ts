import { describe, expect, it } from 'vitest';
import { action, area, contact, context, project, putOf, snapshotOf, testId } from '../../../test/support/model-records.ts';
import { convertItem } from './convert.ts';

const id = testId;
const NOW = new Date(2026, 0, 15, 10, 30);
const snapshot = snapshotOf(
  area(1, 'Home'),
  area(2, 'Garden', { parent: id(1) }),
  project(3, 'Shed', { parent: id(2), state: 'someday', contact: id(20), starred: true }),
  action(4, 'Fix gate', { parent: id(2), state: 'waiting-for-contact', contact: id(20), context: id(21), description: 'Notes' }),
  action(5, 'Rent', { state: 'scheduled', waitUntil: '2026-02-01', repeat: { every: 1, unit: 'month', from: '2026-01-01' } }),
  project(6, 'Taxes', { state: 'done', completed: '2025-12-01T00:00:00.000Z' }),
  action(7, 'Sub-step', { parent: id(3) }),
  action(8, 'Old', { state: 'done' }),
  contact(20, 'Alice'),
  context(21, '@garden'),
);

describe('convertItem', () => {
  it('turns an action into a project, keeping identity, notes and contact', () => {
    const edit = convertItem(snapshot, id(4), 'project', NOW);
    expect(edit.message).toBe('Convert Fix gate to a project');
    expect(putOf(edit)).toEqual({
      kind: 'project',
      id: id(4),
      name: 'Fix gate',
      created: '2026-01-01T09:00:00.000Z',
      parent: id(2),
      state: 'active',
      contact: id(20),
      description: 'Notes',
    });
  });

  it('maps states: open actions to active, future to someday, done stays done', () => {
    expect(putOf(convertItem(snapshot, id(5), 'project', NOW))).toMatchObject({ state: 'active' });
    expect(putOf(convertItem(snapshotOf(action(1, 'F', { state: 'future' })), id(1), 'project', NOW))).toMatchObject({ state: 'someday' });
    expect(putOf(convertItem(snapshot, id(8), 'project', NOW))).toMatchObject({ state: 'done', completed: NOW.toISOString() });
    expect(putOf(convertItem(snapshot, id(6), 'action', NOW))).toMatchObject({ state: 'done', completed: '2025-12-01T00:00:00.000Z' });
    expect(putOf(convertItem(snapshotOf(project(1, 'P')), id(1), 'action', NOW))).toMatchObject({ state: 'next' });
    expect(putOf(convertItem(snapshotOf(project(1, 'P', { state: 'someday' })), id(1), 'action', NOW))).toMatchObject({ state: 'future' });
    expect(putOf(convertItem(snapshot, id(2), 'project', NOW))).toMatchObject({ kind: 'project', state: 'active', parent: id(1) });
    expect(putOf(convertItem(snapshotOf(area(1, 'A')), id(1), 'action', NOW))).toMatchObject({ kind: 'action', state: 'next' });
  });

  it('drops what the new kind cannot hold', () => {
    const rent = putOf(convertItem(snapshot, id(5), 'project', NOW));
    expect(rent).not.toHaveProperty('waitUntil');
    expect(rent).not.toHaveProperty('repeat');
    const shed = putOf(convertItem(snapshot, id(3), 'area', NOW));
    expect(shed).toEqual({ kind: 'area', id: id(3), name: 'Shed', created: '2026-01-01T09:00:00.000Z', parent: id(2), contact: id(20), starred: true });
    expect(convertItem(snapshot, id(3), 'area', NOW).message).toBe('Convert Shed to an area');
  });

  it('refuses what the guards refuse', () => {
    expect(() => convertItem(snapshot, id(1), 'project', NOW)).toThrow(expect.objectContaining({ code: 'refused', message: '“Home” holds the area “Garden”; a project cannot hold an area.' }));
    expect(() => convertItem(snapshot, id(3), 'action', NOW)).toThrow(expect.objectContaining({ code: 'refused' }));
    expect(() => convertItem(snapshot, id(7), 'area', NOW)).toThrow(/inside the project “Shed”/);
    expect(() => convertItem(snapshot, id(4), 'action', NOW)).toThrow('“Fix gate” is already an action.');
    expect(() => convertItem(snapshot, id(20), 'area', NOW)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});
