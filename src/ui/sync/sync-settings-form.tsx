import { useId, useState, type FormEvent } from 'react';
import type { RemoteSettings } from '../sync-state.ts';
import { DraftNote } from '../drafts/index.ts';
import '../styles/sync-offers.css';
import { ServerOffer, WayThroughNudge } from './server-offer.tsx';
import { useSync } from './sync-context.ts';
import { clearSettingsDraft, keepSettingsDraft, settingsBase, withSettingsDraft } from './settings-draft.ts';
import { ConnectionResultBanner, useConnectionTest } from './connection-check.tsx';
import { plainHttpTokenHost } from './token-exposure.ts';
import { TokenWarning } from './token-warning.tsx';
import { failureWords } from '../sync-words.ts';

/**
 * The remote, credentials and CORS proxy. Kept in the `taskgit-settings` database on this
 * device, never in the repository. "Sync now" saves what the form holds, then syncs; "Test
 * connection" tries it without saving. A URL in the field that is not saved (the suggested
 * remote, or one being typed) says so, as the status bar only knows the saved one. The server
 * the app came from is offered first; a token about to cross the network unencrypted is said so,
 * and nothing sends it until the person ticks that they mean it (saved settings count as meant).
 * The address fields typed and not saved are kept as a draft (settings-draft.ts), marked when
 * they come back.
 */
export function SyncSettingsForm() {
  const { settings, defaultRemote, servedBy, saveSettings, controller, state } = useSync();
  const base = settingsBase(settings, defaultRemote);
  const [restored] = useState(() => withSettingsDraft(base));
  const [form, setForm] = useState<RemoteSettings>(restored.form);
  const [keptSince, setKeptSince] = useState(restored.keptSince);
  const [saved, setSaved] = useState<string>();
  const [plainHttpAccepted, setPlainHttpAccepted] = useState(() => (settings ? plainHttpTokenHost(settings) : undefined));
  const id = useId();
  const update = (patch: Partial<RemoteSettings>): void => {
    setSaved(undefined);
    const next = { ...form, ...patch };
    setForm(next);
    keepSettingsDraft(next, base);
  };
  const field = (name: keyof RemoteSettings) => ({
    id: `${id}-${name}`,
    name,
    value: form[name],
    onChange: (event: { target: { value: string } }) => update({ [name]: event.target.value }),
  });
  const exposedTo = plainHttpTokenHost(form);
  const tokenHeld = exposedTo !== undefined && plainHttpAccepted !== exposedTo;

  const connection = useConnectionTest(form);
  const savedUrl = settings?.url.trim() ?? '';
  const unsaved = form.url.trim() !== savedUrl;
  const save = async (): Promise<void> => {
    await saveSettings({ ...form, url: form.url.trim(), corsProxy: form.corsProxy.trim() });
    clearSettingsDraft();
    setKeptSince(undefined);
    setSaved(form.url.trim() ? 'Saved. Changes now sync automatically.' : 'Saved. No remote: changes stay on this device.');
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (!tokenHeld) void save();
  };
  const syncNow = async (): Promise<void> => {
    connection.clear(); // what the test found ("no main branch yet") is about to change
    await save();
    await controller.syncNow();
  };

  return (
    <form className="settings-form" onSubmit={onSubmit} aria-label="Sync settings">
      {servedBy.server && <ServerOffer server={servedBy.server} form={form} update={update} urlFieldId={`${id}-url`} />}
      <div className="field">
        <label htmlFor={`${id}-url`}>Remote URL</label>
        <input {...field('url')} type="url" inputMode="url" autoComplete="url" placeholder="https://example.org/me/tasks.git" spellCheck={false} />
        <p className="hint">A git repository over HTTP(S). Leave empty to keep everything on this device.</p>
        {servedBy.server && <WayThroughNudge server={servedBy.server} form={form} update={update} />}
        {unsaved && (
          <p className="hint warn-text" data-testid="remote-unsaved">
            {savedUrl
              ? `Not saved yet: changes still sync with ${savedUrl}. Save or Sync now to use this one.`
              : 'Not saved yet: no remote is set, so changes stay on this device. Save or Sync now to use this one.'}
          </p>
        )}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-username`}>Username</label>
          <input {...field('username')} autoComplete="username" spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-token`}>Token or password</label>
          <input {...field('token')} type="password" autoComplete="current-password" />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-corsProxy`}>CORS proxy</label>
        <input {...field('corsProxy')} type="url" inputMode="url" placeholder="optional, e.g. for GitHub" spellCheck={false} />
        <p className="hint">Needed for hosts that do not allow browsers to talk to them directly (GitHub).</p>
      </div>
      {exposedTo && <TokenWarning host={exposedTo} accepted={!tokenHeld} onAccept={(accepted) => setPlainHttpAccepted(accepted ? exposedTo : undefined)} />}
      <p className="hint">These settings stay on this device; they are never committed or pushed.</p>
      <DraftNote since={keptSince} howToSave="Save keeps it (the token is never kept in a draft)." />
      <div className="button-row">
        <button type="submit" className="button" disabled={tokenHeld}>
          Save
        </button>
        <button type="button" className="button primary" onClick={() => void syncNow()} disabled={tokenHeld || state.phase === 'syncing' || !form.url.trim()}>
          {state.phase === 'syncing' ? 'Syncing…' : 'Sync now'}
        </button>
        <button type="button" className="button" onClick={() => void connection.test()} disabled={tokenHeld || connection.busy || !form.url.trim()}>
          {connection.busy ? 'Testing…' : 'Test connection'}
        </button>
        {saved && <SavedNote saved={saved} />}
      </div>
      <ConnectionResultBanner result={connection.result} />
    </form>
  );
}

/**
 * "Saved." after Save or Sync now; once a sync has failed, the settings are still saved but
 * nothing is synced, and the note says so rather than contradict the failure beside it.
 */
function SavedNote({ saved }: { saved: string }) {
  const { state } = useSync();
  const failed = state.phase === 'error' ? state.error : undefined;
  return (
    <span className={failed ? 'warn-text' : 'muted'} role="status" data-testid="settings-saved">
      {failed ? `Settings saved, but not synced: ${failureWords(failed)} (see Status).` : saved}
    </span>
  );
}
