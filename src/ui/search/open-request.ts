/**
 * How the header's search box opens a record in the item panel. Selection lives in the shell
 * and reaches the views as `select`; the search box sits in the header, outside any view. So
 * the view on screen registers its `select` here, and the search box asks for a record to be
 * opened: at once when a view listens, else after it navigates to a view that does (the
 * request waits until that view registers).
 */

type Opener = (id: string) => void;

let opener: Opener | undefined;
let pending: string | undefined;

/**
 * Opens record `id` in the item panel of the view on screen. Returns false when no view
 * listens (History, Sync): the request is kept for the next view that registers.
 */
export function requestOpen(id: string): boolean {
  if (opener) {
    opener(id);
    return true;
  }
  pending = id;
  return false;
}

/** Makes `open` the opener; returns the function that unregisters it. Hands over a waiting request. */
export function registerOpener(open: Opener): () => void {
  opener = open;
  if (pending !== undefined) {
    const id = pending;
    pending = undefined;
    open(id);
  }
  return () => {
    if (opener === open) opener = undefined;
  };
}
