import type { ActionRecord, ProjectRecord } from '../../model/index.ts';

/** A state toggle's letter, its words, and whether it is the record's state now. */
export interface Toggle {
  letter: string;
  label: string;
  active: boolean;
  /** Shown as due (a scheduled action whose day has come). */
  alert?: boolean;
  onPress: () => void;
}

/**
 * The letters CueKeeper puts on every row (js/ck_template.ml, `toggles_for_type`): for an
 * action n (next), w (waiting: on someone, until a day, or for a reason not given) and f
 * (future); for a project a (active), sm (someday) and ✓ (done). An action's Done box and
 * the star are controls of their own. The focus never stops on them: the row's keys do the same by keyboard.
 */
export function StateToggles({ name, toggles }: { name: string; toggles: readonly Toggle[] }) {
  return (
    <span className="state-toggles" role="group" aria-label={`State of ${name}`}>
      {toggles.map((toggle) => (
        <button
          key={toggle.letter}
          type="button"
          tabIndex={-1}
          className={`toggle${toggle.active ? ' is-active' : ''}${toggle.alert ? ' is-alert' : ''}`}
          aria-pressed={toggle.active}
          aria-label={toggle.label}
          title={toggle.label}
          onClick={toggle.onPress}
        >
          {toggle.letter}
        </button>
      ))}
    </span>
  );
}

/** Which of an action's toggles is on: waiting covers waiting for a contact and scheduled. */
export function actionToggleState(action: ActionRecord): 'next' | 'waiting' | 'future' | undefined {
  if (action.state === 'next') return 'next';
  if (action.state === 'future') return 'future';
  if (action.state === 'waiting' || action.state === 'waiting-for-contact' || action.state === 'scheduled') return 'waiting';
  return undefined;
}

/** The words of a project state toggle. */
export const PROJECT_TOGGLES: ReadonlyArray<{ state: ProjectRecord['state']; letter: string; label: string }> = [
  { state: 'active', letter: 'a', label: 'Active' },
  { state: 'someday', letter: 'sm', label: 'Someday/maybe' },
  { state: 'done', letter: '✓', label: 'Done' },
];
