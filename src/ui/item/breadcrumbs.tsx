import { parentChain, type Snapshot } from '../../model/index.ts';

/** Where an item sits: its areas and projects from the top down, each one a button that shows it. */
export function Breadcrumbs({ snapshot, id, onSelect }: { snapshot: Snapshot; id: string; onSelect: (id: string) => void }) {
  const chain = parentChain(snapshot, id);
  return (
    <nav className="item-crumbs" aria-label="Location">
      <ol>
        {chain.length === 0 && <li className="muted">Top level</li>}
        {chain.map((parent) => (
          <li key={parent.id}>
            <button type="button" className="link-button" onClick={() => onSelect(parent.id)}>
              {parent.name}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
