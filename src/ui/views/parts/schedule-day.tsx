import { useId } from 'react';
import type { ScheduleEntry, ScheduleGroup } from '../../../model/index.ts';
import { ItemRow } from '../../rows/item-row.tsx';
import type { ActionRowProps } from './action-row.tsx';
import { describeDay } from './describe-day.ts';
import { describeSpan } from './describe-span.ts';
import { RecordButton } from './record-button.tsx';
import { useInlineForm } from './use-inline-form.ts';
import { ScheduleAddForm, scheduleDraftKey } from './schedule-add-form.tsx';
import { DraftMark, draftLabel, useDraftWaiting } from '../../drafts/index.ts';

/**
 * One day, week or month of the schedule: its actions (a repeating action's later days shown
 * as "repeats", a deadline as "deadline", both without a Done box); a day has "+" to add one
 * on it (with a dot while a draft typed there waits). Today is highlighted, past days flagged
 * overdue; in a week or month each row says its day.
 */
export function ScheduleDay({ group, ...rowProps }: ActionRowProps & { group: ScheduleGroup }) {
  const headingId = useId();
  const { opened: adding, toggle, close } = useInlineForm<true>();
  const drafted = useDraftWaiting(scheduleDraftKey(group.start)) && !adding;
  const words = describeSpan(group, rowProps.today);
  const tone = group.isToday ? ' is-today' : group.overdue ? ' is-overdue' : '';
  return (
    <section
      className={`schedule-day span-${group.span}${tone}${group.entries.length === 0 ? ' is-empty' : ''}`}
      aria-labelledby={headingId}
      data-day={group.start}
      data-span={group.span}
      aria-current={group.isToday ? 'date' : undefined}
    >
      <div className="day-head">
        <h2 id={headingId} className="day-title" title={words.long}>
          {words.short}
          {words.date !== undefined && <span className="muted day-date"> · {words.date}</span>}
          {group.overdue && <span className="tag overdue">overdue</span>}
        </h2>
        {group.span === 'day' && (
          <button
            type="button"
            className="icon-button small"
            aria-expanded={adding === true}
            aria-label={draftLabel(`Add an action on ${words.long}`, drafted)}
            title={draftLabel('Add an action on this day', drafted)}
            onClick={(event) => toggle(true, event.currentTarget)}
          >
            <span aria-hidden="true">+</span>
            <DraftMark waiting={drafted} icon />
          </button>
        )}
      </div>
      {adding && <ScheduleAddForm day={group.start} dayWords={words.long} run={rowProps.run} onClose={close} />}
      {group.entries.length > 0 && (
        <ul className="action-list">
          {group.entries.map((entry) => (
            <ScheduleRow key={`${entry.record.id}:${entry.kind}:${entry.day}`} entry={entry} showDay={group.span !== 'day'} {...rowProps} />
          ))}
        </ul>
      )}
    </section>
  );
}

const TAGS = { repeat: 'repeats', deadline: 'deadline' } as const;

function ScheduleRow({ entry, showDay, ...rowProps }: ActionRowProps & { entry: ScheduleEntry; showDay: boolean }) {
  const day = showDay ? <span className="tag">{describeDay(entry.day, rowProps.today).date}</span> : null;
  if (entry.kind === 'start') return <ItemRow record={entry.record} meta={day} {...rowProps} />;
  const tone = entry.kind === 'deadline' ? (entry.overdue ? ' overdue' : ' due') : '';
  return (
    <li className={`action-row projected kind-${entry.kind}`}>
      {day}
      <span className={`tag${tone}`}>{TAGS[entry.kind]}</span>
      <RecordButton record={entry.record} select={rowProps.select} selectedId={rowProps.selectedId} />
    </li>
  );
}
