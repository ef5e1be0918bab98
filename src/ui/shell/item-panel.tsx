import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Snapshot } from '../../model/index.ts';
import { ItemEditor } from '../item/item-editor.tsx';
import { useReturnFocus } from '../item/use-return-focus.ts';
import '../styles/item.css';
import '../styles/pages.css';
import { OpenItemTabs } from './open-item-tabs.tsx';

/** Props of {@link ItemPanel}. */
export interface ItemPanelProps {
  snapshot: Snapshot;
  /** The items open, as the route holds them; the last is shown. */
  openIds: readonly string[];
  /** Closes one open item (Escape and × close the one shown). */
  onClose(id: string): void;
  /** Opens a record on top of the others (a breadcrumb's, a child's), or brings an open one to the front. */
  onSelect(id: string): void;
}

/**
 * The open items beside the view (a full-screen sheet on a phone): the one in front with its
 * details and editor, and, when several are open, a tab for each (CueKeeper keeps several
 * panels open too). Opening one on a computer puts the focus in its name field; Escape closes
 * it and gives the focus back.
 */
export function ItemPanel({ snapshot, openIds, onClose, onSelect }: ItemPanelProps) {
  const open = openIds.filter((id) => snapshot.records.has(id));
  const record = open.length === 0 ? undefined : snapshot.records.get(open[open.length - 1] as string);
  const ref = useRef<HTMLElement>(null);
  useReturnFocus(ref, record?.id);
  // The panel takes the focus when its front item changes, so keys and screen readers start
  // there, unless the name field takes it: an item just opened on a computer (on a phone no
  // keyboard should pop up; an item brought back to the front keeps its name untouched).
  const frontId = record?.id;
  const seen = useRef<readonly string[]>([]);
  const justOpened = frontId !== undefined && !seen.current.includes(frontId);
  useEffect(() => {
    seen.current = open;
  });
  const nameTakesFocus = useRef(false);
  nameTakesFocus.current = justOpened && window.matchMedia('(hover: hover) and (pointer: fine)').matches;
  useEffect(() => {
    // Only when the front item changes: a later render (typing elsewhere) must not take the focus.
    const panel = ref.current;
    if (frontId === undefined || !panel || nameTakesFocus.current || panel.contains(document.activeElement)) return;
    panel.focus({ preventScroll: true });
  }, [frontId]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || !record) return;
    if (event.target instanceof Element && event.target.closest('dialog')) return;
    event.preventDefault();
    onClose(record.id);
  };

  if (!record) {
    return (
      <aside ref={ref} className="item-panel empty" aria-label="Item details">
        <p className="muted">Select an item to see its details here.</p>
      </aside>
    );
  }
  return (
    <aside ref={ref} className="item-panel is-open" aria-label="Item details" tabIndex={-1} onKeyDown={onKeyDown}>
      {open.length > 1 && <OpenItemTabs snapshot={snapshot} open={open} onShow={onSelect} onClose={onClose} />}
      <ItemEditor key={record.id} snapshot={snapshot} record={record} focusName={justOpened} onSelect={onSelect} onClose={() => onClose(record.id)} />
    </aside>
  );
}
