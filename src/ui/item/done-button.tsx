import { useState } from 'react';
import { completeAction, type ActionRecord } from '../../model/index.ts';
import { useTasks } from '../tasks/tasks-context.ts';
import { CommandError } from './command-error.tsx';
import { useCommand } from './use-command.ts';

/**
 * Ticks an action off. A repeating one is not done but comes back on its next day: the
 * feedback says which ("Done. Next on 2026-03-02.").
 */
export function DoneButton({ action }: { action: ActionRecord }) {
  const tasks = useTasks();
  const { run, error } = useCommand();
  const [feedback, setFeedback] = useState('');
  const complete = async (): Promise<void> => {
    if (!(await run((s) => completeAction(s, action.id, new Date())))) return;
    const after = tasks.snapshot.records.get(action.id);
    setFeedback(after?.kind === 'action' && after.state === 'scheduled' ? `Done. Next on ${after.waitUntil}.` : 'Done.');
  };
  return (
    <div className="item-done">
      {action.state !== 'done' && (
        <button type="button" className="button primary" onClick={() => void complete()}>
          <span aria-hidden="true">✓ </span>Done
        </button>
      )}
      <p className="item-feedback" role="status">
        {feedback}
      </p>
      <CommandError error={error} />
    </div>
  );
}
