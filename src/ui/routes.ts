/**
 * The app's views, in the order the nav shows them, and the hash routes that name them
 * (`#/work`). Hash routes work on any static host and offline, under the service worker's
 * navigation fallback, without server rewrites.
 */

/** One view: its route id, its label, and the letter of its `g <letter>` shortcut. */
export interface ViewInfo {
  readonly id: ViewId;
  readonly label: string;
  /** Second key of the `g <key>` shortcut; the view's 1-based position is a shortcut too. */
  readonly key: string;
  /** One line saying what the view is for (the nav's tooltip, the help dialog). */
  readonly purpose: string;
}

export type ViewId = 'process' | 'work' | 'contacts' | 'schedule' | 'review' | 'history' | 'sync';

/** Every view, in nav order. */
export const VIEWS: readonly ViewInfo[] = [
  { id: 'process', label: 'Process', key: 'p', purpose: 'Clarify what you captured in the inbox' },
  { id: 'work', label: 'Work', key: 'w', purpose: 'Next actions, projects and areas' },
  { id: 'contacts', label: 'Contacts', key: 'c', purpose: 'People you work with or wait on' },
  { id: 'schedule', label: 'Schedule', key: 's', purpose: 'Scheduled and repeating actions' },
  { id: 'review', label: 'Review', key: 'r', purpose: 'The weekly review' },
  { id: 'history', label: 'History', key: 'h', purpose: 'Every change, as git commits' },
  { id: 'sync', label: 'Sync', key: 'y', purpose: 'Remote, credentials and sync status' },
];

/** The view shown for `#/` and for routes no view has. */
export const DEFAULT_VIEW: ViewId = 'work';

/** The view a location hash names, e.g. `#/process` -> 'process'; unknown -> the default. */
export function viewFromHash(hash: string): ViewId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/, 1)[0] ?? '';
  return VIEWS.find((view) => view.id === id)?.id ?? DEFAULT_VIEW;
}

/** The most items open at once (the panel's stack); opening one more drops the oldest. */
export const MAX_OPEN_ITEMS = 6;

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The hash of a view's route, with the items open beside it, the one shown last:
 * 'work' -> `#/work`; 'work', [a, b] -> `#/work/<a>/<b>`.
 */
export function hashOf(view: ViewId, open: readonly string[] = []): string {
  return ['#', view, ...open.slice(-MAX_OPEN_ITEMS)].join('/');
}

/** The ids of the items a location hash opens (`#/work/<a>/<b>` -> [a, b]); anything not an id is left out. */
export function openFromHash(hash: string): string[] {
  const [, ...rest] = hash.replace(/^#\/?/, '').split('?', 1)[0]?.split('/') ?? [];
  const ids = rest.filter((part) => ID.test(part));
  return [...new Set(ids)].slice(-MAX_OPEN_ITEMS);
}

