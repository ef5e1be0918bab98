import type { DeadlineEntry } from '../../../model/index.ts';
import { ItemRow } from '../../rows/item-row.tsx';
import type { ActionRowProps } from './action-row.tsx';
import { deadlineWords } from './describe-day.ts';

/** Work's first section: open actions and projects whose deadline is today or past, earliest first. */
export function DeadlinesSection({ entries, ...rowProps }: ActionRowProps & { entries: DeadlineEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section className="work-context deadlines" aria-labelledby="deadlines-title">
      <h2 className="group-title">
        <span id="deadlines-title">Deadlines</span> <span className="count-badge warn">{entries.length}</span>
      </h2>
      <ul className="action-list">
        {entries.map(({ record, deadline, overdue }) => (
          <ItemRow
            key={record.id}
            record={record}
            meta={record.kind === 'project' && <span className={`tag ${overdue ? 'overdue' : 'due'}`}>project · {deadlineWords(deadline, rowProps.today)}</span>}
            {...rowProps}
          />
        ))}
      </ul>
    </section>
  );
}
