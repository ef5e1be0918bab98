import type { PlaceOption } from './place-options.ts';

/** Chooses the area the Work view shows (or all of them). */
export function AreaFilter({ areas, value, onChange }: { areas: PlaceOption[]; value: string | undefined; onChange: (id: string | undefined) => void }) {
  return (
    <label className="inline-field">
      <span>Area</span>
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">All areas</option>
        {areas.map((area) => (
          <option key={area.id} value={area.id}>
            {'\u00a0\u00a0'.repeat(area.depth)}
            {area.name}
          </option>
        ))}
      </select>
    </label>
  );
}
