import { useRef, useState, type KeyboardEvent } from 'react';
import type { Snapshot } from '../../model/index.ts';
import { ItemEditor } from '../item/item-editor.tsx';
import { useReturnFocus } from '../item/use-return-focus.ts';
import '../styles/item.css';

/** Props of {@link ItemPanel}. */
export interface ItemPanelProps {
  snapshot: Snapshot;
  /** The record the view selected, if any. */
  selectedId: string | undefined;
  onClose(): void;
  /**
   * Selects another record (the shell's `select`), for breadcrumbs. Without it the panel shows
   * that record itself until the view selects something else.
   */
  onSelect?(id: string): void;
}

/**
 * The selected record's details and editor, beside the view (a full-screen sheet on a phone).
 * Opening puts the focus in the name field; Escape closes it and gives the focus back.
 */
export function ItemPanel({ snapshot, selectedId, onClose, onSelect }: ItemPanelProps) {
  const [shown, setShown] = useState<{ from: string; id: string }>();
  const id = shown !== undefined && shown.from === selectedId ? shown.id : selectedId;
  const record = id === undefined ? undefined : snapshot.records.get(id);
  const ref = useRef<HTMLElement>(null);
  useReturnFocus(ref, record?.id);

  const close = (): void => {
    setShown(undefined);
    onClose();
  };
  const select = (next: string): void => {
    if (onSelect) onSelect(next);
    else if (selectedId !== undefined) setShown({ from: selectedId, id: next });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (event.target instanceof Element && event.target.closest('dialog')) return;
    event.preventDefault();
    close();
  };

  if (!record) {
    return (
      <aside ref={ref} className="item-panel empty" aria-label="Item details">
        <p className="muted">Select an item to see its details here.</p>
      </aside>
    );
  }
  return (
    <aside ref={ref} className="item-panel is-open" aria-label="Item details" onKeyDown={onKeyDown}>
      <ItemEditor key={record.id} snapshot={snapshot} record={record} onSelect={select} onClose={close} />
    </aside>
  );
}
