import { useId, useState, type FormEvent } from 'react';
import { DraftNote, readDraft, useDraft } from '../../drafts/index.ts';
import { createRecord, quoteName, type AreaRecord, type ItemKind, type ProjectRecord } from '../../../model/index.ts';
import { newId, type Run } from './use-run.ts';

const KIND_LABEL: Record<ItemKind, string> = { area: 'Area', project: 'Project', action: 'Action' };

/**
 * Adds an area, project or action inside `parent` (at the top level without one). The kinds
 * offered are those the parent can hold: a project holds no area.
 */
export function AddItemForm({ parent, initialKind, run, onClose }: { parent?: AreaRecord | ProjectRecord; initialKind: ItemKind; run: Run; onClose: () => void }) {
  const id = useId();
  const kinds: ItemKind[] = parent?.kind === 'project' ? ['project', 'action'] : ['area', 'project', 'action'];
  const [kind, setKind] = useState<ItemKind>(kinds.includes(initialKind) ? initialKind : 'action');
  const draftKey = `add-item:${parent?.id ?? 'top'}`;
  const draft = useDraft(draftKey);
  const name = draft.text ?? '';
  const where = parent ? ` in ${quoteName(parent.name)}` : '';
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const input = { kind, name, ...(parent ? { parent: parent.id } : {}) };
    const saved = await run((s) => createRecord(s, input, new Date(), newId), `Added ${KIND_LABEL[kind].toLowerCase()} ${quoteName(name)}${where}.`);
    if (saved && readDraft(draftKey)?.text === name) draft.clear();
  };
  return (
    <form className="inline-form add-item-form" aria-label={parent ? `Add inside ${parent.name}` : 'Add at the top level'} onSubmit={(event) => void submit(event)}>
      <label htmlFor={`${id}-kind`}>Kind</label>
      <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as ItemKind)}>
        {kinds.map((option) => (
          <option key={option} value={option}>
            {KIND_LABEL[option]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-name`}>Name</label>
      <input id={`${id}-name`} value={name} autoFocus required onChange={(event) => (event.target.value ? draft.set(event.target.value) : draft.clear())} onKeyDown={(event) => event.key === 'Escape' && onClose()} />
      <DraftNote since={name ? draft.keptSince : undefined} howToSave="Add saves it." />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={name.trim() === ''}>
          Add
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
