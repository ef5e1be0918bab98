import type { Snapshot } from '../../model/index.ts';
import { SyncIndicator } from '../sync/sync-indicator.tsx';
import { StatusBadges } from '../views/parts/status-badges.tsx';

/** The bottom line: the sync indicator, and how much the repository holds. */
export function StatusBar({ snapshot }: { snapshot: Snapshot }) {
  const count = snapshot.records.size;
  return (
    <footer className="status-bar">
      <SyncIndicator />
      <StatusBadges snapshot={snapshot} />
      <span className="status-meta muted">
        {count} {count === 1 ? 'record' : 'records'}
        {snapshot.head && (
          <>
            {' · '}
            <code title={snapshot.head}>{snapshot.head.slice(0, 7)}</code>
          </>
        )}
      </span>
    </footer>
  );
}
