import { PlaceholderView } from './placeholder-view.tsx';
import { actionsIn, recordsOf } from './records-of.ts';
import type { ViewProps } from './view-props.ts';

/** Work: next actions, projects and areas. Placeholder until the real view lands. */
export function WorkView({ snapshot, select }: ViewProps) {
  const next = actionsIn(snapshot, 'next');
  const counts = [
    { label: 'Next actions', value: next.length },
    { label: 'Waiting for', value: actionsIn(snapshot, 'waiting', 'waiting-for-contact').length },
    { label: 'Active projects', value: recordsOf(snapshot, 'project').filter((p) => p.state === 'active').length },
    { label: 'Areas', value: recordsOf(snapshot, 'area').length },
  ];
  return <PlaceholderView view="work" counts={counts} records={next} select={select} />;
}
