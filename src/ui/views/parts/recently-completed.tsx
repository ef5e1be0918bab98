import type { ActionRecord } from '../../../model/index.ts';
import { ActionRow, type ActionRowProps } from './action-row.tsx';

/** The last actions ticked off, newest first; unticking one makes it a next action again. */
export function RecentlyCompleted({ actions, ...rowProps }: ActionRowProps & { actions: ActionRecord[] }) {
  return (
    <section className="recently-completed" aria-labelledby="recently-completed-title">
      <h2 id="recently-completed-title" className="group-title">
        Recently completed
      </h2>
      {actions.length === 0 ? (
        <p className="muted">Nothing completed yet.</p>
      ) : (
        <ul className="action-list">
          {actions.map((action) => (
            <ActionRow key={action.id} action={action} {...rowProps} />
          ))}
        </ul>
      )}
    </section>
  );
}
