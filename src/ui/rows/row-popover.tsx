import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { addDays, parseDay, type ActionRecord, type Day, type RecordPatch, type Snapshot } from '../../model/index.ts';
import { referenceOptions } from '../item/item-options.ts';
import { placeOptions } from '../views/parts/place-options.ts';
import { processTree } from '../../model/index.ts';

/** What a row asks before it changes: whom or until when it waits, the day, the project, the context. */
export type RowQuestion = 'waiting' | 'schedule' | 'move' | 'context';

interface RowPopoverProps {
  question: RowQuestion;
  record: ActionRecord | { id: string; name: string; kind: 'project' | 'area'; parent?: string };
  snapshot: Snapshot;
  today: Day;
  /** Applies the answer; resolves to whether it was saved (the popover then closes). */
  onAnswer: (patch: RecordPatch, words: string) => Promise<boolean>;
  onClose: () => void;
}

/**
 * The small form under a row that asks one thing, its first field focused: the waiting menu
 * (CueKeeper's: no reason given, a contact, or until a day), a day, a project or area to move
 * into, or a context. Escape closes it and gives the focus back to the row.
 */
export function RowPopover({ question, record, snapshot, today, onAnswer, onClose }: RowPopoverProps) {
  const id = useId();
  const action = record.kind === 'action' ? record : undefined;
  const [day, setDay] = useState<string>(action?.waitUntil ?? addDays(today, 1));
  const [choice, setChoice] = useState<string>(question === 'move' ? (record.parent ?? '') : question === 'context' ? (action?.context ?? '') : '');
  const answer = (patch: RecordPatch, words: string): void => {
    void onAnswer(patch, words).then((saved) => saved && onClose());
  };
  const submitDay = (event: FormEvent): void => {
    event.preventDefault();
    if (parseDay(day) !== undefined) answer({ waitUntil: day }, 'scheduled');
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
  const title = { waiting: `Waiting: ${record.name}`, schedule: `Schedule ${record.name}`, move: `Move ${record.name}`, context: `Context of ${record.name}` }[question];
  return (
    <div className="row-popover" role="group" aria-label={title} onKeyDown={onKeyDown}>
      {question === 'waiting' && <WaitingChoices snapshot={snapshot} answer={answer} />}
      {(question === 'waiting' || question === 'schedule') && (
        <form className="row-popover-line" onSubmit={submitDay}>
          <label htmlFor={`${id}-day`}>{question === 'waiting' ? 'Until' : 'Day'}</label>
          <input id={`${id}-day`} type="date" value={day} required autoFocus={question === 'schedule'} onChange={(event) => setDay(event.target.value)} />
          <button type="submit" className="button primary small" disabled={parseDay(day) === undefined}>
            Schedule
          </button>
        </form>
      )}
      {(question === 'move' || question === 'context') && (
        <form
          className="row-popover-line"
          onSubmit={(event) => {
            event.preventDefault();
            answer(question === 'move' ? { parent: choice || null } : { context: choice || null }, question === 'move' ? 'moved' : 'context set');
          }}
        >
          <label htmlFor={`${id}-choice`}>{question === 'move' ? 'Into' : 'Context'}</label>
          <select
            id={`${id}-choice`}
            value={choice}
            autoFocus
            onChange={(event) => setChoice(event.target.value)}
            onKeyDown={(event) => {
              // Enter chooses, as it would in a text field (a select alone does not submit its form).
              if (event.key === 'Enter') {
                event.preventDefault();
                event.currentTarget.form?.requestSubmit();
              }
            }}
          >
            <option value="">{question === 'move' ? 'Nothing (top level)' : 'No context'}</option>
            {(question === 'move' ? placeOptions(processTree(snapshot)).map((p) => ({ id: p.id, label: p.label })) : referenceOptions(snapshot, 'context')).map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
          <button type="submit" className="button primary small">
            {question === 'move' ? 'Move' : 'Set'}
          </button>
        </form>
      )}
      <button type="button" className="button small" onClick={onClose}>
        Cancel
      </button>
    </div>
  );
}

/** The rest of the waiting menu: no reason given, or one of the contacts. */
function WaitingChoices({ snapshot, answer }: { snapshot: Snapshot; answer: (patch: RecordPatch, words: string) => void }) {
  const contacts = referenceOptions(snapshot, 'contact');
  return (
    <ul className="waiting-choices" aria-label="Or wait for">
      <li>
        <button type="button" className="chip" autoFocus onClick={() => answer({ state: 'waiting' }, 'waiting')}>
          Waiting (no reason given)
        </button>
      </li>
      {contacts.map((contact) => (
        <li key={contact.id}>
          <button type="button" className="chip" onClick={() => answer({ state: 'waiting-for-contact', contact: contact.id }, `waiting for ${contact.label}`)}>
            Waiting for {contact.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
