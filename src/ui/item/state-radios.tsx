import { useId } from 'react';

/** A record's state as a group of radio buttons, drawn as a row of toggles. */
export function StateRadios<S extends string>(props: { states: readonly S[]; labels: Readonly<Record<S, string>>; value: S; onChoose: (state: S) => void }) {
  const name = useId();
  return (
    <fieldset className="item-states">
      <legend>State</legend>
      {props.states.map((state) => (
        <label key={state} className="item-state">
          <input type="radio" name={name} value={state} checked={props.value === state} onChange={() => props.onChoose(state)} />
          <span>{props.labels[state]}</span>
        </label>
      ))}
    </fieldset>
  );
}
