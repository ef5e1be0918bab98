import { useId, useState, type FormEvent } from 'react';
import '../styles/pages.css';
import type { Tasks } from '../../model/index.ts';
import { DraftNote, useDraft, useDraftWaiting, type DraftField } from '../drafts/index.ts';
import { useTasks } from '../tasks/tasks-context.ts';
import { describeCueKeeperImport, openCueKeeper, type CueKeeperSource, type CueKeeperStep } from './open-cuekeeper.ts';

const STEPS: Record<CueKeeperStep, string> = {
  fetching: 'Fetching the repository…',
  reading: 'Reading the file…',
  converting: 'Converting its records…',
};

type Message = { tone: 'ok' | 'error'; text: string };

/** Where the repository URL and branch typed are kept until the repository is opened. */
const URL_KEY = 'cuekeeper-url';
const BRANCH_KEY = 'cuekeeper-branch';

/** Whether a CueKeeper URL or branch typed and not opened waits as a draft. */
export function useCueKeeperDraftWaiting(): boolean {
  return useDraftWaiting(URL_KEY, BRANCH_KEY);
}

/**
 * "Open a CueKeeper repository": from a git remote (its URL, and the branch, `master` unless
 * said) or from a git bundle file. Every area, project, action, contact and context comes over
 * with its uuid, in one commit that can be reverted like any other; a repository that does not
 * parse is refused in words and nothing is written. The URL and branch typed are kept as drafts
 * until the repository is opened. `tasks`: the live repository (default the
 * one the context shows); `onOpened`: called once the records are in (the welcome goes to Process).
 */
export function CueKeeperPanel({ disabled = false, tasks: given, onOpened }: { disabled?: boolean; tasks?: Tasks; onOpened?: () => void }) {
  const shown = useTasks();
  const tasks = given ?? shown;
  const urlId = useId();
  const branchId = useId();
  const urlDraft = useDraft(URL_KEY);
  const branchDraft = useDraft(BRANCH_KEY);
  const url = urlDraft.text ?? '';
  const branch = branchDraft.text ?? '';
  const [busy, setBusy] = useState<string>();
  const [message, setMessage] = useState<Message>();

  const open = async (source: CueKeeperSource): Promise<void> => {
    setMessage(undefined);
    setBusy(STEPS.reading);
    try {
      const opened = await openCueKeeper(tasks, source, (step) => setBusy(STEPS[step]));
      setMessage({ tone: 'ok', text: describeCueKeeperImport(opened) });
      urlDraft.clear();
      branchDraft.clear();
      onOpened?.();
    } catch (error) {
      setMessage({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(undefined);
    }
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (url.trim() !== '') void open({ kind: 'remote', url, branch });
  };

  const off = disabled || busy !== undefined;
  return (
    <section className="card cuekeeper-panel" aria-labelledby={`${urlId}-title`}>
      <h2 id={`${urlId}-title`}>Open a CueKeeper repository</h2>
      <p className="hint">
        Give the git URL of your CueKeeper repository, or a bundle of it (<code>git bundle create ck.bundle master</code>). Every
        record comes over with its id, in one commit.
      </p>
      <form className="cuekeeper-form" onSubmit={submit}>
        <label htmlFor={urlId}>Repository URL</label>
        <input id={urlId} type="url" inputMode="url" placeholder="https://…/cuekeeper.git" value={url} onChange={(event) => keep(urlDraft, event.target.value)} disabled={off} />
        <label htmlFor={branchId}>Branch</label>
        <input id={branchId} placeholder="master" value={branch} onChange={(event) => keep(branchDraft, event.target.value)} disabled={off} />
        <DraftNote since={url || branch ? (urlDraft.keptSince ?? branchDraft.keptSince) : undefined} howToSave="Open uses it." />
        <div className="button-row">
          <button type="submit" className="button" disabled={off || url.trim() === ''}>
            Open
          </button>
          <label className={`button file-button${off ? ' disabled' : ''}`}>
            Open a bundle file…
            <input
              type="file"
              className="visually-hidden"
              accept=".bundle,application/octet-stream"
              aria-label="Open a CueKeeper bundle"
              disabled={off}
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void file.arrayBuffer().then((buffer) => open({ kind: 'bundle', bytes: new Uint8Array(buffer), branch }));
              }}
            />
          </label>
        </div>
      </form>
      {busy && (
        <p className="muted" role="status">
          {busy}
        </p>
      )}
      {message && (
        <p className={`banner ${message.tone}`} role={message.tone === 'ok' ? 'status' : 'alert'} data-testid="cuekeeper-message">
          {message.text}
        </p>
      )}
    </section>
  );
}

/** Keeps `text` as the field's draft; an emptied field keeps none. */
function keep(draft: DraftField, text: string): void {
  if (text) draft.set(text);
  else draft.clear();
}
