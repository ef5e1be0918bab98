import { useState } from 'react';
import { todayOf, updateRecord, type ActionRecord, type Repeat } from '../../model/index.ts';
import { repeatWords } from '../views/parts/describe-day.ts';
import { CommandError } from './command-error.tsx';
import { RepeatForm } from './repeat-form.tsx';
import { useCommand } from './use-command.ts';

/** An action's repeat: what it is in words, a form to set or change it, and "Stop repeating". */
export function RepeatEditor({ action }: { action: ActionRecord }) {
  const { run, error } = useCommand();
  const [editing, setEditing] = useState(false);
  const save = async (repeat: Repeat | null): Promise<void> => {
    if (await run((s) => updateRecord(s, action.id, { repeat }, new Date()))) setEditing(false);
  };
  const initial: Repeat = action.repeat ?? { every: 1, unit: 'week', from: action.waitUntil ?? todayOf(new Date()) };
  return (
    <div className="item-repeat">
      <h3 className="item-label">Repeat</h3>
      {editing ? (
        <RepeatForm initial={initial} onSave={(repeat) => void save(repeat)} onCancel={() => setEditing(false)} />
      ) : (
        <div className="item-inline">
          <p className="item-repeat-words">{action.repeat ? `Repeats ${repeatWords(action.repeat, todayOf(new Date()))}` : 'Does not repeat'}</p>
          <span className="button-row">
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {action.repeat ? 'Change repeat' : 'Repeat…'}
            </button>
            {action.repeat && (
              <button type="button" className="button" onClick={() => void save(null)}>
                Stop repeating
              </button>
            )}
          </span>
        </div>
      )}
      <CommandError error={error} />
    </div>
  );
}
