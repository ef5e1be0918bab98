import { useId, useState, type FormEvent } from 'react';
import { DraftNote, useDraft } from '../drafts/index.ts';
import { useDevice } from './device-context.ts';

/**
 * "This device": its name, which signs every change made here (History shows it, on every
 * device). Kept with the settings on this device, never in the repository. A name typed and
 * not saved is kept as a draft, marked when it comes back.
 */
export function DeviceNameForm() {
  const { name, defaultName, saveName } = useDevice();
  const id = useId();
  const typed = useDraft('device-name');
  const draft = typed.text;
  const [saved, setSaved] = useState(false);
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    await saveName(draft ?? name);
    typed.clear();
    setSaved(true);
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>This device</h2>
      <form className="settings-form" aria-label="Name this device" onSubmit={(event) => void save(event)}>
        <div className="field">
          <label htmlFor={`${id}-name`}>Device name</label>
          <input
            id={`${id}-name`}
            value={draft ?? name}
            placeholder={defaultName}
            maxLength={60}
            autoComplete="off"
            onChange={(event) => {
              setSaved(false);
              typed.set(event.target.value);
            }}
          />
          <DraftNote since={draft !== undefined && draft !== name ? typed.keptSince : undefined} howToSave="Save name keeps it." />
          <p className="hint">
            Every change made here is signed with this name; History shows it on every device. It stays on this device. Empty goes back to
            “{defaultName}”.
          </p>
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={draft === undefined}>
            Save name
          </button>
          {saved && (
            <span className="muted" role="status">
              Saved: changes from now on are signed “{name}”.
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
