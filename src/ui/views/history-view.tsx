import { PlaceholderView } from './placeholder-view.tsx';
import type { ViewProps } from './view-props.ts';

/** History: every change as a commit, time travel and revert. Placeholder until the real view lands. */
export function HistoryView({ snapshot }: ViewProps) {
  const counts = [
    { label: 'Records now', value: snapshot.records.size },
    { label: 'Head commit', value: snapshot.head?.slice(0, 7) ?? 'none yet' },
  ];
  return <PlaceholderView view="history" counts={counts} />;
}
