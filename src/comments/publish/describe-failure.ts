import { SyncError } from '../../sync/index.ts';
import type { PublishFailure } from './publish-outcome.ts';

/** Sorts an error thrown by sync into what the reader is told. */
export function describeFailure(error: unknown): PublishFailure {
  if (!(error instanceof SyncError)) return { kind: 'other', reason: error instanceof Error ? error.message : String(error) };
  const data = error.data as { status?: unknown; reason?: unknown };
  switch (error.code) {
    case 'offline':
      return { kind: 'offline' };
    case 'server-error':
      return data.status === 429 ? { kind: 'rate-limited' } : { kind: 'server-error', status: typeof data.status === 'number' ? data.status : 500 };
    case 'rejected':
      return { kind: 'rejected', reason: typeof data.reason === 'string' ? data.reason : error.message };
    default:
      return { kind: 'other', reason: error.message };
  }
}
