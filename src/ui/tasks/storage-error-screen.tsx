/** Why storage failed, in words, from the error's name (DOMException names). */
function explain(error: unknown): { reason: string; advice: string[] } {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') {
    return {
      reason: 'The browser says the storage for this site is full.',
      advice: ['Free some disk space, or remove data of other sites in the browser settings.', 'Then try again.'],
    };
  }
  if (typeof indexedDB === 'undefined' || name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError') {
    return {
      reason: 'The browser does not let this site use its database (IndexedDB).',
      advice: [
        'Private or incognito windows often block it: open Taskgit in a normal window.',
        'Check that the browser allows this site to store data (cookies and site data).',
        'If the disk is almost full, free some space.',
      ],
    };
  }
  return {
    reason: 'Taskgit could not open its database on this device.',
    advice: ['Try again. If it keeps failing, reload the page, or restart the browser.'],
  };
}

/** The screen shown instead of the app when the repository cannot be opened. */
export function StorageErrorScreen({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { reason, advice } = explain(error);
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (
    <div className="screen" role="alert">
      <h1 className="screen-title">Taskgit cannot open its storage</h1>
      <p>{reason} Your tasks are kept in this browser&apos;s storage, so the app cannot start without it.</p>
      <ul>
        {advice.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="muted">
        Details: <code>{detail}</code>
      </p>
      <p className="button-row">
        <button type="button" className="button primary" onClick={onRetry}>
          Try again
        </button>
        <button type="button" className="button" onClick={() => location.reload()}>
          Reload
        </button>
      </p>
    </div>
  );
}
