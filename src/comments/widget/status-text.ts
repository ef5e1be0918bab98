// The status line in words: what is waiting, what went wrong, when the next try is.
import type { PublishFailure } from '../publish/index.ts';
import type { Strings } from '../strings/index.ts';
import type { PublisherState } from './publisher.ts';

/** The status line: its text, and whether it reports a problem. */
export interface StatusText {
  text: string;
  problem: boolean;
}

/** Words for a publish failure. */
export function describePublishFailure(strings: Strings, failure: PublishFailure): string {
  switch (failure.kind) {
    case 'offline':
      return strings.offline;
    case 'rate-limited':
      return strings.rateLimited;
    case 'server-error':
      return strings.serverError(failure.status);
    case 'rejected':
      return strings.rejected(failure.reason);
    case 'other':
      return strings.syncFailed(failure.reason);
  }
}

/** The status line for `pending` unpublished changes in publisher state `state` at time `now` (ms). */
export function statusText(strings: Strings, state: PublisherState, pending: number, now: number): StatusText {
  if (state.failure) {
    const retry = state.retryAt === undefined ? '' : ` ${strings.retryIn(Math.max(1, Math.ceil((state.retryAt - now) / 1000)))}`;
    return { text: `${describePublishFailure(strings, state.failure)}${retry}`, problem: true };
  }
  if (state.busy && pending > 0) return { text: strings.syncing, problem: false };
  if (pending > 0) return { text: strings.pendingCount(pending), problem: false };
  return { text: '', problem: false };
}
