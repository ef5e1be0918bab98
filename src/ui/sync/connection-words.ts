/** "Test connection" in words: what the remote is, or what is wrong with it. */
import type { RemoteCheck } from '../../sync/index.ts';
import { failureInfo } from '../sync-state.ts';
import { failureWords } from '../sync-words.ts';

/** A headline and a sentence, and whether the remote can be used. */
export interface ConnectionWords {
  tone: 'ok' | 'error';
  headline: string;
  detail: string;
}

/** Words for what checkRemote found. */
export function connectionWords(check: RemoteCheck): ConnectionWords {
  if (check.kind === 'failed') {
    return { tone: 'error', headline: `Not connected: ${failureWords(failureInfo(check.error))}.`, detail: check.error.message };
  }
  if (check.kind === 'read-only') {
    return { tone: 'error', headline: 'Connected, but this device may not push.', detail: check.pushError.message };
  }
  const detail =
    check.head === undefined
      ? `A git remote with no “${check.branch}” branch yet: Sync now sends this device’s history there.`
      : `A git remote whose “${check.branch}” branch is at ${check.head.slice(0, 7)}: Sync now merges it with this device’s changes and sends them.`;
  return { tone: 'ok', headline: 'Connected.', detail };
}
