import type { SyncError } from '../../sync/index.ts';
import type { PublishFailure } from './publish-outcome.ts';

/** Sorts the error of a failed sync into what the reader is told (a server out of reach, or cut off mid-answer, as offline: either way it retries). */
export function describeFailure(error: SyncError): PublishFailure {
  const data = error.data as { status?: unknown; reason?: unknown };
  switch (error.code) {
    case 'offline':
    case 'unreachable':
    case 'interrupted':
      return { kind: 'offline' };
    case 'server-error':
      return data.status === 429 ? { kind: 'rate-limited' } : { kind: 'server-error', status: typeof data.status === 'number' ? data.status : 500 };
    case 'rejected':
      return { kind: 'rejected', reason: typeof data.reason === 'string' ? data.reason : error.message };
    default:
      return { kind: 'other', reason: error.message };
  }
}
