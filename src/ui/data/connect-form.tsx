import { useId, useState, type FormEvent } from 'react';
import { DraftNote } from '../drafts/index.ts';
import { clearSettingsDraft, keepSettingsDraft, settingsBase, withSettingsDraft } from '../sync/settings-draft.ts';
import { useSync } from '../sync/sync-context.ts';
import { plainHttpTokenHost } from '../sync/token-exposure.ts';
import { TokenWarning } from '../sync/token-warning.tsx';
import type { RemoteSettings } from '../sync-state.ts';

/**
 * "Connect to an existing remote" on the first run: the remote's URL (the one this app was
 * served with, to start), a username and a token. Connecting saves them as the sync settings
 * (on this device, never in the repository) and syncs at once: with nothing written here yet,
 * the remote's whole history arrives as it is, so nothing can be duplicated. The URL and user
 * typed are kept as the Sync form's draft (settings-draft.ts; never the token) until connected;
 * a token about to cross the network unencrypted waits for the person's word, as in Sync.
 */
export function ConnectForm({ onCancel, autoFocus }: { onCancel: () => void; autoFocus: boolean }) {
  const { settings, defaultRemote, saveSettings, controller } = useSync();
  const id = useId();
  const base = settingsBase(settings, defaultRemote);
  const [restored] = useState(() => withSettingsDraft(base));
  const [form, setForm] = useState<RemoteSettings>(restored.form);
  const [keptSince, setKeptSince] = useState(restored.keptSince);
  const [plainHttpAccepted, setPlainHttpAccepted] = useState<string>();
  const update = (patch: Partial<RemoteSettings>): void => {
    const next = { ...form, ...patch };
    setForm(next);
    keepSettingsDraft(next, base);
  };
  const exposedTo = plainHttpTokenHost(form);
  const tokenHeld = exposedTo !== undefined && plainHttpAccepted !== exposedTo;
  const connect = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (tokenHeld) return;
    await saveSettings({ ...form, url: form.url.trim(), username: form.username.trim(), corsProxy: form.corsProxy.trim() });
    clearSettingsDraft();
    setKeptSince(undefined);
    await controller.syncNow();
  };
  return (
    <form className="settings-form connect-form" aria-label="Connect to an existing remote" onSubmit={(event) => void connect(event)}>
      <div className="field">
        <label htmlFor={`${id}-url`}>Remote URL</label>
        <input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          required
          value={form.url}
          spellCheck={false}
          autoFocus={autoFocus}
          onChange={(event) => update({ url: event.target.value })}
        />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-username`}>Username</label>
          <input id={`${id}-username`} autoComplete="username" spellCheck={false} value={form.username} onChange={(event) => update({ username: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-token`}>Token or password</label>
          <input id={`${id}-token`} type="password" autoComplete="current-password" value={form.token} onChange={(event) => update({ token: event.target.value })} />
        </div>
      </div>
      {exposedTo && <TokenWarning host={exposedTo} accepted={!tokenHeld} onAccept={(accepted) => setPlainHttpAccepted(accepted ? exposedTo : undefined)} />}
      <p className="hint">Nothing is written on this device before the remote’s tasks have arrived. The settings stay on this device.</p>
      <DraftNote since={keptSince} howToSave="Connect uses it (the token is never kept in a draft)." />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={!form.url.trim() || tokenHeld}>
          Connect
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
