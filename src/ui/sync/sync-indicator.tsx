import { useNow } from '../history/use-now.ts';
import { hashOf } from '../routes.ts';
import { savedWhere } from '../sync-state.ts';
import { describeSync } from '../sync-words.ts';
import { useSync } from './sync-context.ts';

/**
 * The status bar's sync line: where the latest change is saved, whether a check has just
 * confirmed the remote has it ("Up to date with the remote") or when one last did, what sync is
 * doing, or why it failed. `data-error-code` carries the failure's code.
 */
export function SyncIndicator() {
  const { state } = useSync();
  const now = useNow(15_000);
  const { text, tone } = describeSync(state, now.getTime());
  return (
    <a
      className={`sync-indicator tone-${tone}`}
      href={hashOf('sync')}
      data-saved={savedWhere(state)}
      data-phase={state.phase}
      data-error-code={state.phase === 'error' ? state.error?.code : undefined}
      title={state.phase === 'error' && state.error ? state.error.message : 'Open the Sync tab'}
    >
      <span className="sync-dot" aria-hidden="true" />
      <span role="status" aria-live="polite" data-testid="sync-indicator">
        {text}
      </span>
    </a>
  );
}
