import { describe, expect, it } from 'vitest';
import { contact, project, putOf, snapshotOf, testId } from '../../../test/support/model-records.ts';
import { addLogEntry } from './add-log-entry.ts';

const id = testId;
const NOW = new Date(2026, 0, 5, 23, 50); // local 2026-01-05

describe('addLogEntry', () => {
  it('starts the notes with a dated line', () => {
    const edit = addLogEntry(snapshotOf(project(1, 'Taxes')), id(1), ' Called the bank ', NOW);
    expect(edit.message).toBe('Taxes: add log entry');
    expect(putOf(edit)).toMatchObject({ description: '2026-01-05 Called the bank' });
  });

  it('appends after the existing notes, as its own paragraph', () => {
    const s = snapshotOf(project(1, 'Taxes', { description: '# Plan\n\nGather receipts.\n\n' }));
    expect(putOf(addLogEntry(s, id(1), 'Sent forms', NOW))).toMatchObject({ description: '# Plan\n\nGather receipts.\n\n2026-01-05 Sent forms' });
  });

  it('works on any record, and refuses blank text or unknown ids', () => {
    expect(putOf(addLogEntry(snapshotOf(contact(1, 'Alice')), id(1), 'Met', NOW))).toMatchObject({ description: '2026-01-05 Met' });
    expect(() => addLogEntry(snapshotOf(project(1, 'T')), id(1), '  ', NOW)).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(() => addLogEntry(snapshotOf(), id(1), 'x', NOW)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});
