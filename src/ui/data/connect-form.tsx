import { useId, useState, type FormEvent } from 'react';
import { useSync } from '../sync/sync-context.ts';

/**
 * "Connect to an existing remote" on the first run: the remote's URL (the one this app was
 * served with, to start), a username and a token. Connecting saves them as the sync settings
 * (on this device, never in the repository) and syncs at once: with nothing written here yet,
 * the remote's whole history arrives as it is, so nothing can be duplicated.
 */
export function ConnectForm({ onCancel }: { onCancel: () => void }) {
  const { settings, defaultRemote, saveSettings, controller } = useSync();
  const id = useId();
  const [url, setUrl] = useState(settings?.url || defaultRemote || '');
  const [username, setUsername] = useState(settings?.username ?? '');
  const [token, setToken] = useState(settings?.token ?? '');
  const connect = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    await saveSettings({ url: url.trim(), username: username.trim(), token, corsProxy: settings?.corsProxy ?? '' });
    await controller.syncNow();
  };
  return (
    <form className="settings-form connect-form" aria-label="Connect to an existing remote" onSubmit={(event) => void connect(event)}>
      <div className="field">
        <label htmlFor={`${id}-url`}>Remote URL</label>
        <input id={`${id}-url`} type="url" inputMode="url" required value={url} spellCheck={false} autoFocus onChange={(event) => setUrl(event.target.value)} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-username`}>Username</label>
          <input id={`${id}-username`} autoComplete="username" spellCheck={false} value={username} onChange={(event) => setUsername(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-token`}>Token or password</label>
          <input id={`${id}-token`} type="password" autoComplete="current-password" value={token} onChange={(event) => setToken(event.target.value)} />
        </div>
      </div>
      <p className="hint">Nothing is written on this device before the remote’s tasks have arrived. The settings stay on this device.</p>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={!url.trim()}>
          Connect
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
