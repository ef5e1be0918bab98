import { CAPTURE_KINDS, type CaptureKind } from './capture.ts';

/**
 * The foot of the search box's list: buttons that add the typed name as an inbox action, a
 * project, an area, a contact or a context, instead of searching for it.
 */
export function AddAsMenu({ name, onAdd }: { name: string; onAdd: (kind: CaptureKind) => void }) {
  const label = `Add “${name.trim()}” as`;
  return (
    <div role="group" aria-label={label} className="add-as">
      <span className="add-as-label" aria-hidden="true">
        Add as
      </span>
      {CAPTURE_KINDS.map(({ kind, label: kindLabel }) => (
        <button key={kind} type="button" className="chip" onClick={() => onAdd(kind)}>
          {kindLabel}
        </button>
      ))}
    </div>
  );
}
