import { PlaceholderView } from './placeholder-view.tsx';
import { actionsIn } from './records-of.ts';
import type { ViewProps } from './view-props.ts';

/** Schedule: scheduled and repeating actions. Placeholder until the real view lands. */
export function ScheduleView({ snapshot, select }: ViewProps) {
  const scheduled = actionsIn(snapshot, 'scheduled');
  const counts = [
    { label: 'Scheduled', value: scheduled.length },
    { label: 'Repeating', value: scheduled.filter((action) => action.repeat !== undefined).length },
  ];
  return <PlaceholderView view="schedule" counts={counts} records={scheduled} select={select} />;
}
