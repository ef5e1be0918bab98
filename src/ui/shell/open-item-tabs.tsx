import type { Snapshot } from '../../model/index.ts';

/** The items open at once, one tab each: the name brings it to the front, × closes it. */
export function OpenItemTabs({ snapshot, open, onShow, onClose }: { snapshot: Snapshot; open: readonly string[]; onShow: (id: string) => void; onClose: (id: string) => void }) {
  const front = open[open.length - 1];
  return (
    <nav className="open-items" aria-label="Open items">
      <ul>
        {open.map((id) => {
          const record = snapshot.records.get(id);
          if (!record) return null;
          return (
            <li key={id} className={id === front ? 'is-front' : undefined}>
              <button type="button" className="open-item-name" aria-current={id === front ? 'true' : undefined} onClick={() => onShow(id)}>
                {record.name}
              </button>
              <button type="button" className="open-item-close" aria-label={`Close ${record.name}`} title="Close" onClick={() => onClose(id)}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
