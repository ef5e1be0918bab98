import { completeAction, type ActionRecord, type Day, type Snapshot } from '../../../model/index.ts';

/**
 * The day a repeating action would return on if it were ticked off at `now`, read from what
 * `completeAction` itself would write (so the view never has its own repeat rule);
 * `undefined` for an action that does not repeat or cannot be completed.
 */
export function nextDateIfDone(snapshot: Snapshot, action: ActionRecord, now: Date): Day | undefined {
  if (action.repeat === undefined || action.state === 'done') return undefined;
  try {
    const [change] = completeAction(snapshot, action.id, now).changes;
    return change && 'put' in change && change.put.kind === 'action' && change.put.state === 'scheduled' ? change.put.waitUntil : undefined;
  } catch {
    return undefined;
  }
}
