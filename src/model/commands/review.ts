import { checklistItems, setChecklistItem, untickAll } from '../checklist.ts';
import { ModelError } from '../errors.ts';
import { messageName, quoteName } from '../record-name.ts';
import type { Edit, Snapshot } from '../snapshot.ts';
import { requireRecord } from './shared.ts';

/**
 * Records that the weekly review looked at a project: "Taxes: mark reviewed". Its `reviewed`
 * stamp says when, so projects not looked at for a week can be shown (`staleProjects`).
 *
 * @throws ModelError 'not-found' for an unknown id, 'invalid' for a record that is not a project.
 */
export function markReviewed(snapshot: Snapshot, id: string, now: Date): Edit {
  const record = requireRecord(snapshot, id);
  if (record.kind !== 'project') throw new ModelError('invalid', `${quoteName(record.name)} is not a project; only projects are marked reviewed.`, { id });
  return { changes: [{ put: { ...record, reviewed: now.toISOString() } }], message: `${messageName(record.name)}: mark reviewed` };
}

/**
 * Ticks (or unticks) box `index` of the checklist in a record's notes: "Weekly review: tick
 * “Get the inbox to zero”". Nothing to commit when the box is already so.
 *
 * @throws ModelError 'not-found' for an unknown id or a box that is not there.
 */
export function tickChecklistItem(snapshot: Snapshot, id: string, index: number, checked: boolean): Edit {
  const record = requireRecord(snapshot, id);
  const text = record.description ?? '';
  const item = checklistItems(text)[index];
  const description = setChecklistItem(text, index, checked);
  if (item === undefined || description === undefined) {
    throw new ModelError('not-found', `${quoteName(record.name)} has no checklist step number ${index + 1}.`, { id, index });
  }
  if (item.checked === checked) return { changes: [], message: '' };
  const step = item.label === '' ? `step ${index + 1}` : quoteName(item.label);
  return { changes: [{ put: { ...record, description } }], message: `${messageName(record.name)}: ${checked ? 'tick' : 'untick'} ${step}` };
}

/**
 * Unticks every box of the checklist in a record's notes, ready for next time: "Weekly
 * review: reset the checklist". Nothing to commit when none is ticked.
 *
 * @throws ModelError 'not-found' for an unknown id.
 */
export function resetChecklist(snapshot: Snapshot, id: string): Edit {
  const record = requireRecord(snapshot, id);
  const text = record.description ?? '';
  const description = untickAll(text);
  if (description === text) return { changes: [], message: '' };
  return { changes: [{ put: { ...record, description } }], message: `${messageName(record.name)}: reset the checklist` };
}
