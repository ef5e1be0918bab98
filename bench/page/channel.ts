// The bench page driven without DevTools: opened with `?channel=<url>` by bench/plain-chromium.ts,
// it asks that loopback URL for its next job, runs it, and posts the result back, until told to
// stop. Playwright's driving (page.evaluate) needs DevTools attached, and an attached DevTools
// costs what a person's browser never pays: Playwright enables the network agent in every worker,
// which then keeps and encodes a copy of each response body (~30 ms of Chromium's CPU per 9 MB).
import { firstSyncBench } from './first-sync.ts';

/** A job the driver hands the page. */
export type ChannelJob = { kind: 'first-sync'; name: string; url: string } | { kind: 'stop' };

/** What the page posts back: the job's value, or why it failed. */
export type ChannelResult = { ok: true; value: unknown } | { ok: false; message: string };

/** Serves the driver at `channel` until it says stop. */
export async function serveChannel(channel: string): Promise<void> {
  for (;;) {
    const job = (await (await fetch(new URL('next', channel))).json()) as ChannelJob;
    if (job.kind === 'stop') return;
    let result: ChannelResult;
    try {
      result = { ok: true, value: await firstSyncBench.firstSync(job.name, job.url) };
    } catch (error) {
      result = { ok: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
    // text/plain keeps the post a simple request: no preflight to answer.
    await fetch(new URL('result', channel), { method: 'POST', body: JSON.stringify(result), headers: { 'Content-Type': 'text/plain' } });
  }
}
