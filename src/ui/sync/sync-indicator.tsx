import { hashOf } from '../routes.ts';
import { savedWhere } from '../sync-controller.ts';
import { describeSync } from '../sync-words.ts';
import { useSync } from './sync-context.ts';

/** The status bar's sync line: where the latest change is saved, or what sync is doing. */
export function SyncIndicator() {
  const { state } = useSync();
  const { text, tone } = describeSync(state);
  return (
    <a
      className={`sync-indicator tone-${tone}`}
      href={hashOf('sync')}
      data-saved={savedWhere(state)}
      data-phase={state.phase}
      title={state.error ? `${state.error.message} (${state.error.code})` : 'Open the Sync tab'}
    >
      <span className="sync-dot" aria-hidden="true" />
      <span role="status" aria-live="polite" data-testid="sync-indicator">
        {text}
      </span>
    </a>
  );
}
