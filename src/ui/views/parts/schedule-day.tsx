import { useId, useState } from 'react';
import type { ScheduleDay as Day } from '../../../model/index.ts';
import { ActionRow, type ActionRowProps } from './action-row.tsx';
import { describeDay } from './describe-day.ts';
import { RecordButton } from './record-button.tsx';
import { ScheduleAddForm } from './schedule-add-form.tsx';

/**
 * One day of the schedule: its actions (a repeating action's later days shown as "repeats",
 * without a Done box), "+" to add one that day. Today is highlighted, past days flagged overdue.
 */
export function ScheduleDay({ day, ...rowProps }: ActionRowProps & { day: Day }) {
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  const words = describeDay(day.day, rowProps.today);
  const tone = day.isToday ? ' is-today' : day.overdue ? ' is-overdue' : '';
  return (
    <section className={`schedule-day${tone}${day.entries.length === 0 ? ' is-empty' : ''}`} aria-labelledby={headingId} data-day={day.day} aria-current={day.isToday ? 'date' : undefined}>
      <div className="day-head">
        <h2 id={headingId} className="day-title" title={words.long}>
          {words.short}
          {words.short !== words.date && <span className="muted day-date"> · {words.date}</span>}
          {day.overdue && <span className="tag overdue">overdue</span>}
        </h2>
        <button type="button" className="icon-button small" aria-expanded={adding} aria-label={`Add an action on ${words.long}`} title="Add an action on this day" onClick={() => setAdding((open) => !open)}>
          <span aria-hidden="true">+</span>
        </button>
      </div>
      {adding && <ScheduleAddForm day={day.day} dayWords={words.long} run={rowProps.run} onClose={() => setAdding(false)} />}
      {day.entries.length > 0 && (
        <ul className="action-list">
          {day.entries.map((entry) =>
            entry.projected ? (
              <li key={`${entry.action.id}:projected`} className="action-row projected">
                <span className="tag">repeats</span>
                <RecordButton record={entry.action} select={rowProps.select} selectedId={rowProps.selectedId} />
              </li>
            ) : (
              <ActionRow key={entry.action.id} action={entry.action} {...rowProps} />
            ),
          )}
        </ul>
      )}
    </section>
  );
}
