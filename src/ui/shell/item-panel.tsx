import type { Snapshot } from '../../model/index.ts';

/**
 * The slot for the selected item's details and editor. For now it shows what the record is;
 * the real item editor replaces the body.
 */
export function ItemPanel({ snapshot, selectedId, onClose }: { snapshot: Snapshot; selectedId: string | undefined; onClose: () => void }) {
  const record = selectedId === undefined ? undefined : snapshot.records.get(selectedId);
  if (!record) {
    return (
      <aside className="item-panel empty" aria-label="Item details">
        <p className="muted">Select an item to see its details here.</p>
      </aside>
    );
  }
  const state = 'state' in record ? record.state : undefined;
  return (
    <aside className="item-panel" aria-labelledby="item-panel-title">
      <div className="item-panel-head">
        <h2 id="item-panel-title">{record.name}</h2>
        <button type="button" className="icon-button" aria-label="Close details" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <dl className="facts">
        <dt>Kind</dt>
        <dd>{record.kind}</dd>
        {state && (
          <>
            <dt>State</dt>
            <dd>{state}</dd>
          </>
        )}
        <dt>Created</dt>
        <dd>{new Date(record.created).toLocaleString()}</dd>
      </dl>
      <p className="placeholder-note">Placeholder: the item editor goes here (src/ui/shell/item-panel.tsx).</p>
    </aside>
  );
}
