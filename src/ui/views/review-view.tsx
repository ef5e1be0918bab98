import { PlaceholderView } from './placeholder-view.tsx';
import { actionsIn, recordsOf } from './records-of.ts';
import type { ViewProps } from './view-props.ts';

/** The weekly review. Placeholder until the real view lands. */
export function ReviewView({ snapshot }: ViewProps) {
  const projects = recordsOf(snapshot, 'project');
  const counts = [
    { label: 'Done actions', value: actionsIn(snapshot, 'done').length },
    { label: 'Someday projects', value: projects.filter((p) => p.state === 'someday').length },
    { label: 'Future actions', value: actionsIn(snapshot, 'future').length },
    { label: 'Problems', value: snapshot.malformed.length },
  ];
  return <PlaceholderView view="review" counts={counts} />;
}
