import { useRef, useState, type ChangeEvent } from 'react';
import { useLiveHead } from '../history/use-live-head.ts';
import { useTimeTravel } from '../time-travel/time-travel-context.ts';
import { bundleFileName, describeImport, errorWords, formatSize } from './data-words.ts';
import { downloadBytes } from './download.ts';

type Message = { tone: 'ok' | 'error'; text: string; lead?: string };

/** Words for the steps of an import (sync's BundlePhase). */
const PHASES: Record<string, string> = {
  unpacking: 'reading the file',
  checking: 'checking every object',
  storing: 'storing',
  merging: 'merging with this device’s history',
};

/**
 * Export and import of the whole repository as one file (a git bundle, which `git clone`
 * reads too). Export downloads `taskgit-<date>.bundle`; import checks the whole file before it
 * writes anything, then takes its history (into an empty device) or merges it (into one with a
 * history of its own; the model then repairs links the merge broke). A file that is not a good export is
 * refused with the reason, and nothing changes. Import is off while the app shows the past.
 */
export function DataPanel() {
  const { live, viewing } = useTimeTravel();
  const head = useLiveHead(live);
  const [busy, setBusy] = useState<string>();
  const [message, setMessage] = useState<Message>();
  const input = useRef<HTMLInputElement>(null);
  const readOnly = viewing !== undefined;

  const exportAll = async (): Promise<void> => {
    setBusy('Exporting…');
    setMessage(undefined);
    try {
      const { exportBundle } = await import('../../sync/index.ts');
      const bytes = await exportBundle(live.repo.git);
      const name = bundleFileName(new Date());
      downloadBytes(bytes, name);
      setMessage({ tone: 'ok', text: `Exported ${name} (${formatSize(bytes.length)}): the whole history of this device.` });
    } catch (error) {
      setMessage({ tone: 'error', lead: 'Could not export.', text: errorWords(error) });
    } finally {
      setBusy(undefined);
    }
  };

  const importFile = async (file: File): Promise<void> => {
    setBusy(`Importing “${file.name}”…`);
    setMessage(undefined);
    try {
      const { importBundle } = await import('../../sync/index.ts');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await importBundle(live.repo.git, bytes, {
        branch: live.branch.name,
        onProgress: (phase) => setBusy(`Importing “${file.name}”: ${PHASES[phase] ?? phase}…`),
      });
      // A merge's head gets the model's after-merge work; say what it did, if anything.
      const tidied = result.kind === 'merged' ? await live.settle() : undefined;
      const after = tidied === undefined ? undefined : (await live.repo.readCommit(tidied)).message.split('\n', 1)[0];
      setMessage({ tone: 'ok', text: describeImport(file.name, after === undefined ? result : { ...result, after }) });
    } catch (error) {
      setMessage({ tone: 'error', lead: `Could not import “${file.name}”.`, text: errorWords(error) });
    } finally {
      setBusy(undefined);
      if (input.current) input.current.value = '';
    }
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    if (file) void importFile(file);
  };

  return (
    <section className="card data-panel" aria-labelledby="data-title">
      <h2 id="data-title">Export and import</h2>
      <p className="hint">
        One file holds every commit (a git bundle: <code>git clone</code> reads it). Import one on another device, or here to merge two
        histories.
      </p>
      <div className="button-row">
        <button type="button" className="button" disabled={busy !== undefined || head === undefined} onClick={() => void exportAll()}>
          Export all history
        </button>
        <label className={`button file-button${readOnly || busy !== undefined ? ' disabled' : ''}`}>
          Import a file…
          <input
            ref={input}
            type="file"
            className="visually-hidden"
            accept=".bundle,application/octet-stream"
            aria-label="Import a Taskgit export"
            disabled={readOnly || busy !== undefined}
            onChange={onFile}
          />
        </label>
      </div>
      {readOnly && <p className="hint">Import is off while the app shows the past; go back to now first.</p>}
      {busy && (
        <p className="muted" role="status">
          {busy}
        </p>
      )}
      {message && (
        <p className={`banner ${message.tone}`} role={message.tone === 'ok' ? 'status' : 'alert'} data-testid="data-message">
          {message.lead && <strong>{message.lead} </strong>}
          {message.text}
        </p>
      )}
    </section>
  );
}
