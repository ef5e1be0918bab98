import type { DeadlineEntry } from '../../../model/index.ts';
import { ActionRow, type ActionRowProps } from './action-row.tsx';
import { deadlineWords } from './describe-day.ts';
import { RecordButton } from './record-button.tsx';

/** Work's first section: open actions and projects whose deadline is today or past, earliest first. */
export function DeadlinesSection({ entries, ...rowProps }: ActionRowProps & { entries: DeadlineEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section className="work-context deadlines" aria-labelledby="deadlines-title">
      <h2 className="group-title">
        <span id="deadlines-title">Deadlines</span> <span className="count-badge warn">{entries.length}</span>
      </h2>
      <ul className="action-list">
        {entries.map(({ record, deadline, overdue }) =>
          record.kind === 'action' ? (
            <ActionRow key={record.id} action={record} {...rowProps} />
          ) : (
            <li key={record.id} className="action-row">
              <span className="action-text">
                <RecordButton record={record} select={rowProps.select} selectedId={rowProps.selectedId} />
                <span className="action-meta">
                  <span className="tag">project</span> <span className={`tag ${overdue ? 'overdue' : 'due'}`}>{deadlineWords(deadline, rowProps.today)}</span>
                </span>
              </span>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
