import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cueKeeperInitFiles } from '../../../test/support/cuekeeper-init.ts';
import { ckAction, ckArea, ckPlain, ckProject, writeSexp } from '../../../test/support/cuekeeper-writer.ts';
import { isModelError, type ModelError } from '../errors.ts';
import type { ActionRecord, AnyRecord } from '../types.ts';
import { convertCueKeeperFiles } from './read-repository.ts';

const text = new TextEncoder();
const filesOf = (entries: Record<string, string>): Map<string, Uint8Array> =>
  new Map(Object.entries({ 'ck-version': '0.1\n', ...entries }).map(([path, body]) => [path, text.encode(body)]));
const recordsOf = (files: Map<string, Uint8Array>): Map<string, AnyRecord> =>
  new Map(convertCueKeeperFiles(files).edit.changes.flatMap((change) => ('put' in change ? [[change.put.id, change.put] as const] : [])));

const u = (n: number): string => `${n.toString(16).padStart(8, '0')}-1111-4222-8333-444455556666`;
const CTIME = 1_429_361_903.369; // 2015-04-18T12:58:23.369Z

function refusal(files: Map<string, Uint8Array>): ModelError {
  try {
    convertCueKeeperFiles(files);
  } catch (error) {
    if (isModelError(error, 'unreadable')) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('convertCueKeeperFiles', () => {
  it('opens CueKeeper’s own first-run repository, keeping every uuid', () => {
    const files = cueKeeperInitFiles();
    const { counts, edit } = convertCueKeeperFiles(files);
    expect(counts).toEqual({ areas: 10, projects: 1, actions: 2, contacts: 0, contexts: 7 });
    expect(edit.message).toBe('Open CueKeeper repository: 10 areas, 1 project, 2 actions, 7 contexts');
    const records = recordsOf(files);
    expect([...records.keys()].sort()).toEqual([...files.keys()].filter((path) => path !== 'ck-version').map((path) => path.split('/')[1]).sort());
    expect(records.get('af66bb30-5488-4b8b-a171-ba4a048d6fd1')).toMatchObject({
      kind: 'action',
      name: 'Weekly review',
      state: 'scheduled',
      waitUntil: '2015-04-19', // (2015 3 19): CueKeeper counts months from 0
      repeat: { every: 1, unit: 'week', from: '2015-04-19' },
      context: 'abae8e40-5d65-4f2d-afaa-a582ba2dabf2',
      created: '2015-04-18T15:32:36.784Z',
    });
    expect(records.get('af66bb30-5488-4b8b-a171-ba4a048d6fd1')?.description).toContain('- **Review/Waiting**\n  - Any reminders needed?');
    expect(records.get('6002ea71-6f1c-4ba9-8728-720f4b4c9845')).toMatchObject({ state: 'next', description: '<http://en.wikipedia.org/wiki/Getting_Things_Done>', parent: '1a7c8ea2-18ac-41cb-8f79-3566e49445f4' });
    expect(records.get('1a7c8ea2-18ac-41cb-8f79-3566e49445f4')).toMatchObject({ kind: 'project', state: 'active', name: 'Start using CueKeeper' });
    expect(records.get('139516f7-4c3e-47b8-98ce-0e273ea3ec5d')).toEqual({ kind: 'context', id: '139516f7-4c3e-47b8-98ce-0e273ea3ec5d', name: 'In town', created: '2015-04-18T13:14:46.783Z' });
    expect(records.get('ad8c5bb1-f6b7-4a57-b090-d6ef2e3326c1')).not.toHaveProperty('parent');
  });

  it('converts every state, star, link, repeat and conflict note as ck_disk_node.ml writes them', () => {
    const records = recordsOf(
      filesOf({
        [`db/${u(1)}`]: ckArea({ name: 'Work “ünïcode”\n', ctime: CTIME, description: 'tab\there; semi; (parens) \\ "quotes"', conflicts: ['Discarded change a -> b'] }),
        [`db/${u(2)}`]: ckProject({ name: 'Someday', ctime: CTIME, state: 'SomedayMaybe', starred: true, parent: u(1), contact: u(20) }),
        [`db/${u(3)}`]: ckProject({ name: 'Finished', ctime: CTIME, state: 'Done' }),
        [`db/${u(4)}`]: ckAction({ name: 'Wait', ctime: CTIME, state: 'Waiting', parent: u(2) }),
        [`db/${u(5)}`]: ckAction({ name: 'Wait on Ann', ctime: CTIME, state: 'Waiting_for_contact', contact: u(20), starred: true }),
        [`db/${u(6)}`]: ckAction({ name: 'Later', ctime: CTIME, state: 'Future', context: u(21) }),
        [`db/${u(7)}`]: ckAction({ name: 'Done', ctime: CTIME, state: 'Done' }),
        [`db/${u(8)}`]: ckAction({ name: 'Month end', ctime: CTIME, state: { until: [2016, 0, 31] }, repeat: { n: 1, unit: 'Month', from: [2016, 0, 31] } }),
        [`db/${u(9)}`]: ckAction({ name: 'Old format', ctime: CTIME, state: { until: 1_429_400_000 } }),
        [`db/${u(10)}`]: ckAction({ name: 'Done and repeating', ctime: CTIME, state: 'Done', repeat: { n: 2, unit: 'Year', from: [2015, 1, 29] } }),
        [`db/${u(11)}`]: ckAction({ name: 'No contact', ctime: CTIME, state: 'Waiting_for_contact' }),
        [`contact/${u(20)}`]: ckPlain({ name: 'Ann', ctime: CTIME, description: 'Neighbour' }),
        [`context/${u(21)}`]: ckPlain({ name: '@home', ctime: CTIME }),
        'README': 'ignored, as CueKeeper ignores it',
      }),
    );
    expect(records.get(u(1))).toMatchObject({ name: 'Work “ünïcode”\n', description: 'tab\there; semi; (parens) \\ "quotes"' });
    expect(records.get(u(1))?._conflicts).toEqual([{ field: 'cuekeeper', kept: 'Discarded change a -> b', note: "From CueKeeper's merge: Discarded change a -> b" }]);
    expect(records.get(u(2))).toMatchObject({ kind: 'project', state: 'someday', starred: true, parent: u(1), contact: u(20) });
    expect(records.get(u(3))).toMatchObject({ state: 'done' });
    expect(records.get(u(4))).toMatchObject({ state: 'waiting', parent: u(2) });
    expect(records.get(u(5))).toMatchObject({ state: 'waiting-for-contact', contact: u(20), starred: true });
    expect(records.get(u(6))).toMatchObject({ state: 'future', context: u(21) });
    expect(records.get(u(7))).toMatchObject({ state: 'done' });
    expect(records.get(u(8))).toMatchObject({ state: 'scheduled', waitUntil: '2016-01-31', repeat: { every: 1, unit: 'month', from: '2016-01-31' } });
    expect((records.get(u(9)) as ActionRecord).waitUntil).toMatch(/^2015-04-1[89]$/); // a local day of 1429400000
    // (2015 1 29): Feb 29 of a common year rolls over to Mar 1, as CueKeeper's mktime does.
    expect(records.get(u(10))).toMatchObject({ state: 'next', repeat: { every: 2, unit: 'year', from: '2015-03-01' } });
    expect(records.get(u(11))).toMatchObject({ state: 'waiting' });
    expect(records.get(u(20))).toMatchObject({ kind: 'contact', name: 'Ann', description: 'Neighbour' });
    expect(records.size).toBe(13);
  });

  it('refuses what does not parse, naming the file and the reason', () => {
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ [`db/${u(1)}`]: '(Area((name A)(description"")(ctime 1)' }, `db/${u(1)}`, /a “\(” is never closed/],
      [{ [`db/${u(1)}`]: '(Area((description"")(ctime 1)))' }, `db/${u(1)}`, /the area has no “name”/],
      [{ [`db/${u(1)}`]: '(Area((name A)(description"")(ctime 1)(colour red)))' }, `db/${u(1)}`, /unknown field “colour”/],
      [{ [`db/${u(1)}`]: '(Task((name A)(description"")(ctime 1)))' }, `db/${u(1)}`, /\(Area …\), \(Project …\) or \(Action …\)/],
      [{ [`db/${u(1)}`]: writeSexp(['Action', [[['astate', 'Sleeping']], [['name', 'A'], ['description', ''], ['ctime', '1']]]]) }, `db/${u(1)}`, /astate must be/],
      [{ [`db/${u(1)}`]: '(Area((name A)(description"")(ctime soon)))' }, `db/${u(1)}`, /ctime must be a number/],
      [{ [`context/${u(1)}`]: '((name A)(description"")(ctime 1)(ctime 2))' }, `context/${u(1)}`, /“ctime” twice/],
      [{ 'db/not-a-uuid': ckArea({ name: 'A', ctime: 1 }) }, 'db/not-a-uuid', /file name must be its uuid/],
      [{ [`db/${u(1)}`]: ckArea({ name: 'A', ctime: 1 }), [`contact/${u(1)}`]: ckPlain({ name: 'B', ctime: 1 }) }, `db/${u(1)}`, /used twice/],
    ];
    for (const [entries, path, reason] of cases) {
      const error = refusal(filesOf(entries));
      expect(error.data).toEqual({ path });
      expect(error.message).toMatch(reason);
      expect(error.message).toMatch(/Nothing was imported\.$/);
    }
    expect(refusal(new Map()).message).toMatch(/it has no ck-version file/);
    expect(refusal(new Map([['ck-version', text.encode('0.2')]])).message).toMatch(/its format is "0.2"; only 0.1 is known/);
    expect(refusal(new Map([['ck-version', text.encode('0.1')], [`db/${u(1)}`, Uint8Array.of(0xff, 0xfe)]])).message).toMatch(/it is not text/);
  });

  it('keeps every name, description and time the writer puts in', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 0, maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.integer({ min: 0, max: 4_000_000_000 }), (name, description, seconds) => {
        const records = recordsOf(filesOf({ [`context/${u(1)}`]: ckPlain({ name, description, ctime: seconds + 0.5 }) }));
        expect(records.get(u(1))).toEqual({
          kind: 'context',
          id: u(1),
          name,
          created: new Date(seconds * 1000 + 500).toISOString(),
          ...(description === '' ? {} : { description }),
        });
      }),
      { numRuns: 200 },
    );
  });
});
