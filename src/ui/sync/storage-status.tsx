import { useEffect, useState } from 'react';
import { readStorageStatus, type StorageStatus } from '../persistence.ts';
import { bytes } from '../sync-words.ts';

/** Whether the browser keeps this device's data for good, and how much there is. */
export function StorageStatusPanel() {
  const [status, setStatus] = useState<StorageStatus>();
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    let live = true;
    void readStorageStatus().then((s) => live && setStatus(s), () => live && setStatus({ persistent: undefined }));
    return () => {
      live = false;
    };
  }, []);
  const ask = async (): Promise<void> => {
    setAsking(true);
    try {
      await navigator.storage?.persist?.();
      setStatus(await readStorageStatus());
    } finally {
      setAsking(false);
    }
  };
  return (
    <section className="card" aria-labelledby="storage-title">
      <h2 id="storage-title">Storage on this device</h2>
      {!status ? (
        <p className="muted">Checking…</p>
      ) : status.persistent === true ? (
        <p data-testid="storage-persistent">Persistent: the browser will not clear your tasks to free space.</p>
      ) : status.persistent === false ? (
        <>
          <p data-testid="storage-persistent">
            Not persistent: the browser may clear this site&apos;s data when the disk runs low. Sync to a remote to keep a
            copy, or allow persistent storage.
          </p>
          <button type="button" className="button" onClick={() => void ask()} disabled={asking}>
            Ask for persistent storage
          </button>
        </>
      ) : (
        <p data-testid="storage-persistent">This browser does not say whether its storage is persistent.</p>
      )}
      {status?.usage !== undefined && (
        <p className="muted">
          Using {bytes(status.usage)}
          {status.quota !== undefined ? ` of ${bytes(status.quota)} available` : ''}.
        </p>
      )}
    </section>
  );
}
