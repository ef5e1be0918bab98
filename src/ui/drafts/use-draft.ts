import { useCallback, useEffect, useState } from 'react';
import { clearDraft, readDraft, watchDraft, writeDraft, type Draft } from './draft-store.ts';

/** What {@link useDraft} gives a field. */
export interface DraftField {
  /** The unsaved text, or `undefined` when there is none. */
  text: string | undefined;
  /** When the draft was found from an earlier visit (a reload, another time the field was open), its time; else `undefined`. */
  keptSince: number | undefined;
  /** Keeps `text` as the draft (an empty text too: the person may have cleared a name on purpose). */
  set(text: string): void;
  /** Forgets the draft: it was saved, or discarded. */
  clear(): void;
}

/**
 * The draft under `key` (see draft-store.ts) as React state: what is typed is kept at once, and
 * is there again when the field comes back, even after a reload.
 */
export function useDraft(key: string): DraftField {
  const [state, setState] = useState<{ key: string; draft: Draft | undefined; kept: boolean }>(() => initial(key));
  const current = state.key === key ? state : initial(key);
  if (current !== state) setState(current);
  useEffect(() => watchDraft(key, (draft) => setState((now) => ({ key, draft, kept: draft !== undefined && now.kept }))), [key]);
  const set = useCallback((text: string) => writeDraft(key, text), [key]);
  const clear = useCallback(() => clearDraft(key), [key]);
  return { text: current.draft?.text, keptSince: current.kept ? current.draft?.at : undefined, set, clear };
}

function initial(key: string): { key: string; draft: Draft | undefined; kept: boolean } {
  const draft = readDraft(key);
  return { key, draft, kept: draft !== undefined };
}
