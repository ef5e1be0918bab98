// What the app's sync indicator showed the user, sync by sync: an init script watches the status
// bar's indicator (`.sync-indicator`, its `data-phase` and words) and the Sync tab's error banner,
// and logs each sync's start and end, so a spec can check every sync's outcome, the automatic
// ones included, as the user saw it.
import type { Page } from '@playwright/test';

/** One sync as the user saw it end. */
export interface SyncEnd {
  /** The phase after the sync: 'error' for a failure, else 'idle' or 'scheduled'. */
  phase: string;
  /** The indicator's words, e.g. "Saved on this device · the remote cannot be reached". */
  text: string;
  /** The failure's code (the indicator's `data-error-code`), when the sync failed. */
  code: string | undefined;
  /** The indicator's tooltip: the error's message on a failure. */
  title: string;
  /** The Sync tab's error banner, when one shows. */
  banner: string | undefined;
  /** The code the banner names (its `data-code`). */
  bannerCode: string | undefined;
}

/** Starts and ends of syncs, in order. */
export interface SyncLog {
  starts: number;
  ends: SyncEnd[];
}

declare global {
  interface Window {
    /** Filled by {@link recordSyncLog}'s init script. */
    reliabilitySyncLog?: SyncLog;
  }
}

/** Logs every sync of every document the page loads from now on; call before `goto`. */
export async function recordSyncLog(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log = {
      starts: 0,
      ends: [] as Array<{ phase: string; text: string; code: string | undefined; title: string; banner: string | undefined; bannerCode: string | undefined }>,
    };
    window.reliabilitySyncLog = log;
    let last = '';
    const look = (): void => {
      const indicator = document.querySelector('.sync-indicator');
      if (!indicator) return;
      const phase = indicator.getAttribute('data-phase') ?? '';
      if (phase === last) return;
      const previous = last;
      last = phase;
      if (phase === 'syncing') log.starts += 1;
      else if (previous === 'syncing') {
        const banner = document.querySelector('[data-testid="sync-error"]');
        log.ends.push({
          phase,
          text: indicator.textContent ?? '',
          code: indicator.getAttribute('data-error-code') ?? undefined,
          title: indicator.getAttribute('title') ?? '',
          banner: banner?.textContent ?? undefined,
          bannerCode: banner?.getAttribute('data-code') ?? undefined,
        });
      }
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** The log so far. */
export async function readSyncLog(page: Page): Promise<SyncLog> {
  const log = await page.evaluate(() => window.reliabilitySyncLog);
  if (!log) throw new Error('no sync log in the page: call recordSyncLog before loading it');
  return log;
}

/**
 * Waits until more than `endsBefore` syncs have ended and none runs or waits to run, then
 * returns the log.
 */
export async function waitForSyncsToSettle(page: Page, endsBefore: number, timeout = 20_000): Promise<SyncLog> {
  try {
    await page.waitForFunction(
      (endsBefore) => {
        const phase = document.querySelector('.sync-indicator')?.getAttribute('data-phase');
        return (window.reliabilitySyncLog?.ends.length ?? 0) > endsBefore && (phase === 'idle' || phase === 'error');
      },
      endsBefore,
      { timeout, polling: 50 },
    );
  } catch (error) {
    const phase = await page.locator('.sync-indicator').getAttribute('data-phase');
    throw new Error(`A sync did not end within ${timeout} ms: the indicator is still "${String(phase)}".`, { cause: error });
  }
  return readSyncLog(page);
}
