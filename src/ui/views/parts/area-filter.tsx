import type { PlaceOption } from './place-options.ts';

interface AreaFilterProps {
  areas: PlaceOption[];
  hidden: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onShowAll: () => void;
}

/**
 * Switches areas off in Work, any set of them (CueKeeper's Work filter): their next actions
 * leave the list, what is due in them stays. A switched-off area switches off its sub-areas.
 */
export function AreaFilter({ areas, hidden, onToggle, onShowAll }: AreaFilterProps) {
  const off = areas.filter((area) => hidden.has(area.id)).length;
  return (
    <details className="area-filter">
      <summary className="button small">{off === 0 ? 'All areas' : `${off} ${off === 1 ? 'area' : 'areas'} off`}</summary>
      <fieldset className="area-filter-menu">
        <legend className="visually-hidden">Areas shown in Work</legend>
        {areas.map((area) => (
          <label key={area.id} style={{ paddingInlineStart: `${area.depth * 1}rem` }}>
            <input type="checkbox" checked={!hidden.has(area.id)} onChange={() => onToggle(area.id)} /> {area.name}
          </label>
        ))}
        <button type="button" className="button small" disabled={off === 0} onClick={onShowAll}>
          Show all
        </button>
        <p className="hint">Due actions and deadlines show whatever is switched off.</p>
      </fieldset>
    </details>
  );
}
