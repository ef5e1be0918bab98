import { useId } from 'react';
import { chooseOtherValue, dismissConflict, otherValuePatch, type AnyRecord } from '../../model/index.ts';
import { CommandError } from './command-error.tsx';
import { conflictWords } from './conflict-words.ts';
import { useCommand } from './use-command.ts';

/**
 * The notes a merge left on the record (a value it had to discard), each with Dismiss once
 * read, and, when the note holds the other value, "Use the other value": one click writes it,
 * drops the note, one commit (with Undo on its toast).
 */
export function ConflictNotes({ record }: { record: AnyRecord }) {
  const id = useId();
  const { run, error } = useCommand();
  const notes = record._conflicts ?? [];
  if (notes.length === 0) return null;
  return (
    <section className="item-conflicts" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Merge notes</h3>
      <ul>
        {notes.map((note, index) => (
          <li key={`${index}-${note.field}`}>
            <p id={`${id}-${index}`}>{conflictWords(note)}</p>
            <span className="button-row">
              {otherValuePatch(note) !== undefined && (
                <button
                  type="button"
                  className="button"
                  aria-describedby={`${id}-${index}`}
                  onClick={() => void run((s) => chooseOtherValue(s, record.id, index, new Date()))}
                >
                  Use the other value
                </button>
              )}
              <button type="button" className="button" aria-describedby={`${id}-${index}`} onClick={() => void run((s) => dismissConflict(s, record.id, index))}>
                Dismiss
              </button>
            </span>
          </li>
        ))}
      </ul>
      <CommandError error={error} />
    </section>
  );
}
