import { useMemo } from 'react';
import { scheduleView } from '../../model/index.ts';
import { RemindersButton } from './parts/reminders-button.tsx';
import { ScheduleDay } from './parts/schedule-day.tsx';
import { useRun } from './parts/use-run.ts';
import { useToday } from './parts/use-today.ts';
import { ViewFeedback } from './parts/view-feedback.tsx';
import { ViewHeading } from './parts/view-heading.tsx';
import type { ViewProps } from './view-props.ts';

/**
 * Schedule, the whole tickler: overdue days, then today and the next two weeks day by day,
 * then weeks, then months, however far ahead: scheduled actions, repeats and deadlines.
 */
export function ScheduleView({ snapshot, tasks, select, selectedId }: ViewProps) {
  const today = useToday();
  const { run, feedback, dismiss } = useRun(tasks);
  const groups = useMemo(() => scheduleView(snapshot, today), [snapshot, today]);
  const rowProps = { snapshot, today, run, select, selectedId };
  return (
    <section className="view-section" aria-labelledby="view-title" data-view="schedule">
      <ViewHeading title="Schedule" purpose="Every scheduled action, repeat and deadline, however far ahead. An action joins Work on its day.">
        <RemindersButton />
      </ViewHeading>
      <ViewFeedback feedback={feedback} onDismiss={dismiss} />
      <div className="schedule-days">
        {groups.map((group) => (
          <ScheduleDay key={group.start} group={group} {...rowProps} />
        ))}
      </div>
    </section>
  );
}
