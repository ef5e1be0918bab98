import type { Snapshot } from '../snapshot.ts';
import type { ActionRecord } from '../types.ts';
import { compareStarredThenName } from './collate.ts';

/** The weekly review's Waiting page. */
export interface WaitingReview {
  mode: 'waiting';
  /** Actions waiting, on something or on a contact: starred first, then by name. */
  actions: ActionRecord[];
}

/** The actions in state 'waiting' or 'waiting-for-contact'. */
export function reviewWaiting(snapshot: Snapshot): WaitingReview {
  const actions: ActionRecord[] = [];
  for (const record of snapshot.records.values()) {
    if (record.kind === 'action' && (record.state === 'waiting' || record.state === 'waiting-for-contact')) actions.push(record);
  }
  return { mode: 'waiting', actions: actions.sort(compareStarredThenName) };
}
