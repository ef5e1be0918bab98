import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { search, type RecordKind } from '../../model/index.ts';
import { AddAsMenu } from '../search/add-as-menu.tsx';
import { captureCommand, captureMessage, type CaptureKind } from '../search/capture.ts';
import { openRecord } from '../search/open-record.ts';
import { enterIntent, moveHighlight } from '../search/quick-find.ts';
import { optionId, RESULTS_ID, SearchResults } from '../search/search-results.tsx';
import { useSnapshot, useTasks } from '../tasks/tasks-context.ts';
import { useReadOnly } from '../time-travel/time-travel-context.ts';
import { useToasts } from '../toast/toast-context.ts';
import { describeError } from '../item/describe-error.ts';
import { newId } from '../views/parts/use-run.ts';
import { clockTime } from '../sync-words.ts';

/** How many matches the list shows. */
const MAX_HITS = 8;
/** How long the "Added …" note stays. */
const MESSAGE_MS = 6000;

/**
 * The header's search and quick-capture box (its text is the shell's draft, kept across reloads). Typing lists matches (names, and snippets of
 * descriptions); Up and Down move through them; Enter opens the highlighted (or first) match,
 * or, when nothing matches, adds the text to the inbox as a new action (Shift+Enter adds it
 * whatever matches); "Add as…" adds it as
 * a project, area, contact or context instead (buttons at the foot of the list); Escape
 * clears and leaves the box, with Undo on a toast. Text kept from an earlier visit (`keptSince`)
 * is marked "draft" in the box, and said so to a screen reader, until it is added or cleared.
 */
export function SearchBox({ value, keptSince, onChange, ref }: { value: string; keptSince?: number; onChange: (value: string) => void; ref?: Ref<HTMLInputElement> }) {
  const tasks = useTasks();
  const snapshot = useSnapshot();
  const readOnly = useReadOnly();
  const toasts = useToasts();
  const [highlighted, setHighlighted] = useState(-1);
  const [listOpen, setListOpen] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const input = useRef<HTMLInputElement | null>(null);
  const setInput = useCallback(
    (element: HTMLInputElement | null) => {
      input.current = element;
      if (typeof ref === 'function') ref(element);
      else if (ref) ref.current = element;
    },
    [ref],
  );
  const hits = useMemo(() => search(snapshot, value, MAX_HITS), [snapshot, value]);
  const typed = value.trim() !== '';
  const kept = typed && keptSince !== undefined;
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(undefined), MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [message]);

  const clear = (): void => {
    onChange('');
    setHighlighted(-1);
    setListOpen(false);
  };
  const open = (id: string, kind: RecordKind): void => {
    clear();
    input.current?.blur();
    openRecord(id, kind);
  };
  const add = async (kind: CaptureKind, name: string): Promise<void> => {
    if (readOnly) {
      setMessage({ text: 'A past state is shown: go back to now to add things.', error: true });
      return;
    }
    try {
      await tasks.run(captureCommand(kind, name, newId));
      setMessage({ text: captureMessage(kind, name), error: false });
      clear();
      input.current?.focus();
    } catch (error) {
      setMessage({ text: describeError(error), error: true });
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setListOpen(true);
      setHighlighted((current) => moveHighlight(current, event.key as 'ArrowDown' | 'ArrowUp', hits.length));
    } else if (event.key === 'Escape') {
      const typed = value;
      clear();
      event.currentTarget.blur();
      if (typed.trim() !== '') toasts.show({ text: `Cleared “${typed.trim()}”.`, action: { label: 'Undo', run: () => onChange(typed) } });
    } else if (event.key === 'Enter' && event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault(); // Shift+Enter always captures, even when the text matches a name
      if (value.trim() !== '') void add('inbox', value);
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      const intent = enterIntent(value, hits, highlighted);
      if (intent.kind === 'open') open(intent.hit.id, intent.hit.kind);
      else if (intent.kind === 'capture') void add('inbox', intent.name);
    }
  };

  const showList = listOpen && typed;
  return (
    <form
      className="search"
      role="search"
      onSubmit={(event) => event.preventDefault()}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
          setListOpen(false);
        }
      }}
    >
      <div className="search-field">
        <label htmlFor="search-input" className="visually-hidden">
          Search or capture
        </label>
        <input
          id="search-input"
          ref={setInput}
          type="search"
          className={kept ? 'has-draft' : undefined}
          value={value}
          placeholder="Search or capture…"
          autoComplete="off"
          aria-keyshortcuts="/"
          aria-autocomplete="list"
          aria-controls={showList && hits.length > 0 ? RESULTS_ID : undefined}
          aria-activedescendant={showList && highlighted >= 0 && highlighted < hits.length ? optionId(highlighted) : undefined}
          aria-describedby={kept ? 'search-help search-draft' : 'search-help'}
          onChange={(event) => {
            onChange(event.target.value);
            setHighlighted(-1);
            setListOpen(true);
          }}
          onFocus={() => setListOpen(true)}
          onKeyDown={onKeyDown}
        />
        {kept ? (
          <span id="search-draft" className="search-draft" title={`Typed at ${clockTime(keptSince!)} and kept, not added yet: Enter adds it to the inbox, Esc clears it.`}>
            draft<span className="visually-hidden">: typed at {clockTime(keptSince!)} and kept, not added yet.</span>
          </span>
        ) : (
          <kbd className="search-hint" aria-hidden="true">
            /
          </kbd>
        )}
      </div>
      <span id="search-help" className="visually-hidden">
        Enter opens the first match; with no match it adds the text to the inbox. Shift+Enter always adds it to the inbox.
      </span>
      {showList && (
        <div className="search-popup">
          {hits.length > 0 && <SearchResults hits={hits} highlighted={highlighted} onOpen={(hit) => open(hit.id, hit.kind)} />}
          <p className="search-tip">{hits.length > 0 ? 'Enter opens the highlighted match; Shift+Enter adds it to the inbox.' : `No match. Enter adds “${value.trim()}” to the inbox.`}</p>
          <AddAsMenu name={value} onAdd={(kind) => void add(kind, value)} />
        </div>
      )}
      <p role="status" className={`search-status${message?.error ? ' error-text' : ''}`}>
        {message?.text}
      </p>
    </form>
  );
}
