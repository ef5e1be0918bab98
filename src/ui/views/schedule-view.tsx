import { useMemo } from 'react';
import { scheduleView } from '../../model/index.ts';
import { RemindersButton } from './parts/reminders-button.tsx';
import { ScheduleDay } from './parts/schedule-day.tsx';
import { useOpenRequests } from './parts/use-open-requests.ts';
import { useRun } from './parts/use-run.ts';
import { useToday } from './parts/use-today.ts';
import { ViewFeedback } from './parts/view-feedback.tsx';
import { ViewHeading } from './parts/view-heading.tsx';
import type { ViewProps } from './view-props.ts';

/** How many days after today the schedule shows. */
export const SCHEDULE_DAYS = 14;

/** Schedule: overdue days, then today and the next two weeks, each with its scheduled and repeating actions. */
export function ScheduleView({ snapshot, tasks, select, selectedId }: ViewProps) {
  useOpenRequests(select);
  const today = useToday();
  const { run, feedback, dismiss } = useRun(tasks);
  const days = useMemo(() => scheduleView(snapshot, today, SCHEDULE_DAYS), [snapshot, today]);
  const rowProps = { snapshot, today, run, select, selectedId };
  return (
    <section className="view-section" aria-labelledby="view-title" data-view="schedule">
      <ViewHeading title="Schedule" purpose="Scheduled and repeating actions, day by day. An action joins Work on its day.">
        <RemindersButton />
      </ViewHeading>
      <ViewFeedback feedback={feedback} onDismiss={dismiss} />
      <div className="schedule-days">
        {days.map((day) => (
          <ScheduleDay key={day.day} day={day} {...rowProps} />
        ))}
      </div>
    </section>
  );
}
