import { useId } from 'react';
import type { Option } from './item-options.ts';

/** Props of {@link ReferencePicker}. */
export interface ReferencePickerProps {
  label: string;
  value: string | undefined;
  options: Option[];
  /** The first choice, meaning none (a label such as "None"), or a prompt that cannot be chosen again. */
  empty: { label: string; choosable: boolean };
  onChoose(id: string | undefined): void;
}

/** A select of records (contexts, contacts, parents) with a first choice meaning none. */
export function ReferencePicker({ label, value, options, empty, onChoose }: ReferencePickerProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChoose(event.target.value === '' ? undefined : event.target.value)}>
        <option value="" disabled={!empty.choosable}>
          {empty.label}
        </option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
