// How long the page's main thread was held during a measured operation: Chromium's long tasks
// (PerformanceObserver 'longtask', tasks of 50 ms or more), and, for what stays under that, the
// longest gap between the ticks of a 10 ms timer (an upper bound on the longest task: a gap can
// also be several short tasks in a row). A Web Worker's work counts in neither.

/** What a watch saw. */
export interface MainThreadReport {
  /** The longest long task, in ms; 0 when none reached 50 ms. */
  longestTaskMs: number;
  longTasks: number;
  /** The longest late timer tick beyond its 10 ms, in ms. */
  longestGapMs: number;
}

const TICK_MS = 10;

/** Starts watching; the returned function stops and reports. */
export function watchMainThread(): () => MainThreadReport {
  let longestTaskMs = 0;
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longTasks++;
      longestTaskMs = Math.max(longestTaskMs, entry.duration);
    }
  });
  observer.observe({ type: 'longtask', buffered: false });
  let longestGapMs = 0;
  let last = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = (): void => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last - TICK_MS);
    last = now;
    timer = setTimeout(tick, TICK_MS);
  };
  timer = setTimeout(tick, TICK_MS);
  return () => {
    for (const entry of observer.takeRecords()) {
      longTasks++;
      longestTaskMs = Math.max(longestTaskMs, entry.duration);
    }
    observer.disconnect();
    clearTimeout(timer);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return { longestTaskMs: round(longestTaskMs), longTasks, longestGapMs: round(Math.max(0, longestGapMs)) };
  };
}
