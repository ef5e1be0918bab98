import { useSyncExternalStore } from 'react';
import { todayOf, type Day } from '../../../model/index.ts';
import { recheckDelay } from './next-day.ts';

const readToday = (): Day => todayOf(new Date());

/**
 * Tells React to read the date again: just after each local midnight (the only moment an
 * action can become due without an edit, see `nextDueChange`), at least hourly, and whenever
 * the window regains focus or becomes visible (a laptop waking from sleep misses timers).
 */
function subscribe(onChange: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (): void => {
    timer = setTimeout(() => {
      onChange();
      schedule();
    }, recheckDelay(new Date()));
  };
  const onVisibility = (): void => {
    if (document.visibilityState === 'visible') onChange();
  };
  schedule();
  window.addEventListener('focus', onChange);
  window.addEventListener('pageshow', onChange);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    clearTimeout(timer);
    window.removeEventListener('focus', onChange);
    window.removeEventListener('pageshow', onChange);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

/** Today's date (`YYYY-MM-DD`, local time); re-renders the component when the day changes. */
export function useToday(): Day {
  return useSyncExternalStore(subscribe, readToday);
}
