import { useState } from 'react';
import { remoteOptionsOf } from '../sync-runner.ts';
import type { RemoteSettings } from '../sync-state.ts';
import { useTasks } from '../tasks/tasks-context.ts';
import { connectionWords, type ConnectionWords } from './connection-words.ts';

/** What a connection test found, for the URL it tested. */
export type ConnectionResult = ConnectionWords & { url: string };

/**
 * "Test connection": asks the remote in the form (saved or not) what it has and whether it
 * takes a push, as a sync would, writing nothing; the result says in words what it is, or what
 * is wrong with it. A result shows only while the form still holds the URL it was about;
 * `clear` drops it once a sync has made it old news.
 */
export function useConnectionTest(settings: RemoteSettings): { test: () => Promise<void>; clear: () => void; busy: boolean; result: ConnectionResult | undefined } {
  const tasks = useTasks();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ConnectionResult>();
  const url = settings.url.trim();
  const test = async (): Promise<void> => {
    setBusy(true);
    setResult(undefined);
    try {
      const { checkRemote } = await import('../../sync/index.ts');
      const check = await checkRemote({ ...remoteOptionsOf(settings), branch: tasks.branch.name });
      setResult({ ...connectionWords(check), url });
    } catch (error) {
      // Only the sync code failing to load gets here: checkRemote reports failures as data.
      setResult({ tone: 'error', headline: 'Could not test the connection.', detail: error instanceof Error ? error.message : String(error), url });
    } finally {
      setBusy(false);
    }
  };
  return { test, clear: () => setResult(undefined), busy, result: result?.url === url ? result : undefined };
}

/** The result of a connection test, as a banner. */
export function ConnectionResultBanner({ result }: { result: ConnectionResult | undefined }) {
  if (!result) return null;
  return (
    <p className={`banner ${result.tone} connection-result`} role={result.tone === 'ok' ? 'status' : 'alert'} data-testid="connection-result">
      <span>
        <strong>{result.headline}</strong> {result.detail}
      </span>
    </p>
  );
}
