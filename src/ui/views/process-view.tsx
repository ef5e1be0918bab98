import { PlaceholderView } from './placeholder-view.tsx';
import { actionsIn } from './records-of.ts';
import type { ViewProps } from './view-props.ts';

/** Process: clarify the inbox. Placeholder until the real view lands. */
export function ProcessView({ snapshot, select }: ViewProps) {
  const inbox = actionsIn(snapshot, 'inbox');
  return <PlaceholderView view="process" counts={[{ label: 'In the inbox', value: inbox.length }]} records={inbox} select={select} />;
}
