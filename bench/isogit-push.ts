// A reference figure, not a goal: isomorphic-git's own push of the bench content from Node, on
// Node's `fs` and its `http/node` client, timed with a cap.
//
// The repository it pushes is a local clone of native git's fill (its loose objects hard-linked):
// the same objects isomorphic-git's own `add` + `commit` of the fixture's batches write (checked
// once: the same head id, since the fixture fixes author, dates and messages), made in seconds
// instead of the 20-45 s isomorphic-git's add took here, which pushed the whole bench past its
// few-minutes budget. isomorphic-git reads loose objects the same way whoever wrote them, so the
// push it does is the same.
import * as fs from 'node:fs';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';

/** What the reference run gives. */
export interface IsogitPush {
  /** The push, or the cap when it did not finish within it. */
  pushMs: number;
  capped: boolean;
  error?: string;
}

/**
 * Times isomorphic-git pushing `main` of the repository at `dir` to `url`, for at most `capMs`.
 * Its signal only aborts the HTTP request, not the packing before it, so the cap is also a race:
 * a push still running then is left to fail when the remote closes.
 */
export async function timeIsogitPush(dir: string, url: string, capMs: number): Promise<IsogitPush> {
  const controller = new AbortController();
  const started = performance.now();
  const push = git.push({ fs, http, dir, url, ref: 'main', remoteRef: 'main', signal: controller.signal }).then((result) => {
    if (!result.ok) throw new Error(result.error ?? 'push refused');
    return performance.now() - started;
  });
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<'capped'>((done) => (timer = setTimeout(() => done('capped'), capMs)));
  try {
    const outcome = await Promise.race([push, cap]);
    if (outcome !== 'capped') return { pushMs: outcome, capped: false };
    controller.abort();
    push.catch(() => undefined);
    return { pushMs: capMs, capped: true };
  } catch (error) {
    return { pushMs: performance.now() - started, capped: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
