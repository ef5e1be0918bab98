// One publish: sync the widget's repository with the comment remote (fetch others' comments,
// merge, push ours). Loaded by dynamic import the first time it is needed: it carries the whole
// smart-HTTP and packfile code.
import { sync } from '../../sync/index.ts';
import type { Repo } from '../../store/index.ts';
import { COMMENTS_BRANCH } from '../storage/index.ts';
import { describeFailure } from './describe-failure.ts';
import type { PublishOutcome } from './publish-outcome.ts';

/** How long one request may take before the attempt counts as offline. */
const REQUEST_TIMEOUT_MS = 20_000;

/** Syncs `repo` with `url`; a failure comes back as data, as sync's outcome does. */
export async function publish(repo: Repo, url: string, signal?: AbortSignal): Promise<PublishOutcome> {
  const outcome = await sync(repo.git, { url, branch: COMMENTS_BRANCH, timeoutMs: REQUEST_TIMEOUT_MS, ...(signal ? { signal } : {}) });
  return outcome.kind === 'failed' ? { ok: false, failure: describeFailure(outcome.error) } : { ok: true };
}
