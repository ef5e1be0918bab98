/**
 * Texts a person typed and has not saved yet, kept in localStorage (`taskgit-draft:<key>`) as
 * they are typed, so a reload, a closed tab or a form that went away never loses them. Keys
 * name the field: `notes:<record id>`, `name:<record id>`, `capture`. A draft leaves when it is
 * saved or deliberately discarded. Listeners of a key hear writes made in this page (an
 * "Undo" of a discard writes the text back while its field may be on screen).
 */

/** A text typed and not yet saved, and when it was last typed (ms since the epoch). */
export interface Draft {
  text: string;
  at: number;
}

const PREFIX = 'taskgit-draft:';
const listeners = new Map<string, Set<(draft: Draft | undefined) => void>>();
/** Where localStorage is missing or refuses (a private window, a full quota): drafts last for the page's life. */
const fallback = new Map<string, Draft>();

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The draft kept under `key`, if any. */
export function readDraft(key: string): Draft | undefined {
  const raw = readRaw(key);
  if (raw === null) return fallback.get(key);
  try {
    const value = JSON.parse(raw) as Partial<Draft>;
    return typeof value.text === 'string' && typeof value.at === 'number' ? { text: value.text, at: value.at } : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `text` as the draft under `key` (now). */
export function writeDraft(key: string, text: string, now = Date.now()): void {
  const draft = { text, at: now };
  fallback.delete(key);
  try {
    const store = storage();
    if (!store) throw new Error('no localStorage');
    store.setItem(PREFIX + key, JSON.stringify(draft));
  } catch {
    fallback.set(key, draft);
  }
  announce(key, draft);
}

/** Forgets the draft under `key` (it was saved, or the person discarded it). */
export function clearDraft(key: string): void {
  fallback.delete(key);
  try {
    storage()?.removeItem(PREFIX + key);
  } catch {
    // Nothing to do: a storage that cannot be written holds nothing of ours either.
  }
  announce(key, undefined);
}

/** Calls `listener` when this page writes or clears the draft under `key`; returns the way to stop. */
export function watchDraft(key: string, listener: (draft: Draft | undefined) => void): () => void {
  let set = listeners.get(key);
  if (!set) listeners.set(key, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(key);
  };
}

function readRaw(key: string): string | null {
  try {
    return storage()?.getItem(PREFIX + key) ?? null;
  } catch {
    return null;
  }
}

function announce(key: string, draft: Draft | undefined): void {
  for (const listener of listeners.get(key) ?? []) listener(draft);
}
