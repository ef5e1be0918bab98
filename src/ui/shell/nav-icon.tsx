import type { ViewId } from '../routes.ts';

/** 24x24 stroke outlines, one per view. */
const PATHS: Record<ViewId, string> = {
  process: 'M3 13h5l1.5 3h5L16 13h5M5 5h14l2 8v6H3v-6z',
  work: 'M4 4h16v16H4zM8 12.5l3 3 5-6',
  contacts: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 3.6-6 8-6s8 2 8 6',
  schedule: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5',
  review: 'M20 12a8 8 0 1 1-2.3-5.7M20 4v5h-5',
  history: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7v5l3 2',
  sync: 'M4 12a8 8 0 0 1 14-5.3M18 3v4h-4M20 12a8 8 0 0 1-14 5.3M6 21v-4h4',
};

/** The nav's picture for a view (shown above the label in the phone's bottom bar). */
export function NavIcon({ view }: { view: ViewId }) {
  return (
    <svg className="nav-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path d={PATHS[view]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
