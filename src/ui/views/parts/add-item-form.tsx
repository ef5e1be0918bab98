import { useId, useState, type FormEvent } from 'react';
import { DraftNote, readDraft, useDraft, writeDraft } from '../../drafts/index.ts';
import { createRecord, quoteName, type AreaRecord, type ItemKind, type ProjectRecord } from '../../../model/index.ts';
import { newId, type Run } from './use-run.ts';

const KIND_LABEL: Record<ItemKind, string> = { area: 'Area', project: 'Project', action: 'Action' };

/** The kinds an item can be added as inside `parent` (at the top level without one): a project holds no area. */
export function kindsInside(parent: AreaRecord | ProjectRecord | undefined): ItemKind[] {
  return parent?.kind === 'project' ? ['project', 'action'] : ['area', 'project', 'action'];
}

/** Where a name typed in the form inside `parentId` (the top level without one), as `kind`, is kept until it is added. */
export function addItemDraftKey(parentId: string | undefined, kind: ItemKind): string {
  return `add-item:${parentId ?? 'top'}:${kind}`;
}

/** The first of `kinds` with a name kept as a draft inside `parentId`: what the form should open on. */
export function draftedKind(parentId: string | undefined, kinds: readonly ItemKind[]): ItemKind | undefined {
  return kinds.find((kind) => (readDraft(addItemDraftKey(parentId, kind))?.text.trim() ?? '') !== '');
}

/**
 * Adds an area, project or action inside `parent` (at the top level without one). The kinds
 * offered are those the parent can hold. The name typed is kept as a draft per kind (the top
 * level's "Add area" and "Add project" each find their own); changing the kind carries it over.
 */
export function AddItemForm({ parent, initialKind, run, onClose }: { parent?: AreaRecord | ProjectRecord; initialKind: ItemKind; run: Run; onClose: () => void }) {
  const id = useId();
  const kinds = kindsInside(parent);
  const [kind, setKind] = useState<ItemKind>(kinds.includes(initialKind) ? initialKind : 'action');
  const draftKey = addItemDraftKey(parent?.id, kind);
  const draft = useDraft(draftKey);
  const name = draft.text ?? '';
  const where = parent ? ` in ${quoteName(parent.name)}` : '';
  const changeKind = (next: ItemKind): void => {
    const target = addItemDraftKey(parent?.id, next);
    // The name goes with the kind, unless a name of that kind is kept already (then each stays).
    if (name && readDraft(target) === undefined) {
      writeDraft(target, name);
      draft.clear();
    }
    setKind(next);
  };
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const input = { kind, name, ...(parent ? { parent: parent.id } : {}) };
    const saved = await run((s) => createRecord(s, input, new Date(), newId), `Added ${KIND_LABEL[kind].toLowerCase()} ${quoteName(name)}${where}.`);
    if (saved && readDraft(draftKey)?.text === name) draft.clear();
  };
  return (
    <form className="inline-form add-item-form" aria-label={parent ? `Add inside ${parent.name}` : 'Add at the top level'} onSubmit={(event) => void submit(event)}>
      <label htmlFor={`${id}-kind`}>Kind</label>
      <select id={`${id}-kind`} value={kind} onChange={(event) => changeKind(event.target.value as ItemKind)}>
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
