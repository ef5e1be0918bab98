// The network faults of the reliability specs: a plan for test/support/fault-proxy.ts that puts
// every kind of fault between the app and the git remote, and a count of what it injected.
import type { Page } from '@playwright/test';
import type { Fault, FaultPlan, FaultRecord } from '../../test/support/fault-proxy.ts';
import type { SeededRandom } from './reliability-random.ts';

/** Past sync's 30 s request timeout: a stalled request is then given up as offline. */
const PAST_TIMEOUT_MS = 31_000;

/** The kinds of fault injected, as {@link countFaults} names them. */
export const FAULT_LABELS = ['reset', '500', '401', 'truncate', 'stall', 'duplicate'] as const;

/**
 * Picks a fault for about `rate` of git's requests, evenly among {@link FAULT_LABELS}. A stall
 * moves the page's clock (installed with `page.clock.install()`) past sync's timeout, so the
 * page gives up at once, as it would after 30 s. CORS preflights pass: a fault there only ever
 * reaches the page as a network error. An injected status carries the CORS header a git server
 * sends, so the page can read it as it reads the real remote's.
 */
export function faultPlan(random: SeededRandom, rate: number, page: Page, appOrigin: string): FaultPlan {
  const cors = { 'Access-Control-Allow-Origin': appOrigin, Vary: 'Origin' };
  return ({ method }) => {
    if (method === 'OPTIONS' || random.next() >= rate) return { kind: 'pass' };
    const faults: Fault[] = [
      { kind: 'reset' },
      { kind: 'status', status: 500, headers: cors },
      { kind: 'status', status: 401, headers: cors },
      { kind: 'truncate', bytes: random.int(0, 400) },
      { kind: 'stall' },
      { kind: 'duplicate' },
    ];
    const fault = random.pick(faults);
    // The request has reached the proxy, so its timeout is running in the page: jump past it.
    if (fault.kind === 'stall') setTimeout(() => void page.clock.fastForward(PAST_TIMEOUT_MS).catch(() => undefined), 50);
    return fault;
  };
}

/** How many faults of each kind the proxies injected (passes not counted). */
export function countFaults(requests: readonly FaultRecord[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(FAULT_LABELS.map((label) => [label, 0]));
  for (const { fault } of requests) {
    if (fault.kind === 'pass') continue;
    const label = fault.kind === 'status' ? String(fault.status) : fault.kind;
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}
