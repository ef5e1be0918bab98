import { DeviceNameForm } from '../device/device-name-form.tsx';
import { StorageStatusPanel } from '../sync/storage-status.tsx';
import { useSync } from '../sync/sync-context.ts';
import { SyncSettingsForm } from '../sync/sync-settings-form.tsx';
import { SyncStatusPanel } from '../sync/sync-status-panel.tsx';

/** Sync: the remote and credentials, "Sync now", what sync did, this device's name and its storage. */
export function SyncView() {
  const { loaded } = useSync();
  return (
    <section className="view-section" aria-labelledby="view-title" data-view="sync">
      <h1 id="view-title" className="view-title">
        Sync
      </h1>
      <p className="muted">Every change is a git commit on this device; sync pushes them to a git remote and pulls what other devices pushed.</p>
      <div className="cards">
        <section className="card" aria-labelledby="remote-title">
          <h2 id="remote-title">Remote</h2>
          {loaded ? <SyncSettingsForm /> : <p className="muted">Reading the settings…</p>}
        </section>
        <SyncStatusPanel />
        <DeviceNameForm />
        <StorageStatusPanel />
      </div>
    </section>
  );
}
