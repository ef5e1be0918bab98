import { useCallback, useState } from 'react';
import type { Commit } from '../../model/index.ts';
import { CueKeeperPanel } from '../data/cuekeeper-panel.tsx';
import { DataPanel } from '../data/data-panel.tsx';
import { CommitItem } from '../history/commit-item.tsx';
import { subjectOf } from '../history/commit-words.ts';
import { RevertDialog } from '../history/revert-dialog.tsx';
import { useHistoryPages } from '../history/use-history-pages.ts';
import { useLiveHead } from '../history/use-live-head.ts';
import { useNow } from '../history/use-now.ts';
import { useTimeTravel } from '../time-travel/time-travel-context.ts';
import '../styles/history.css';
import type { ViewProps } from './view-props.ts';

type Notice = { tone: 'ok' | 'error'; text: string };

/**
 * History: every commit of this device's branch, newest first, in pages; each expands to its
 * changes in words, and offers to show the app as it was then (time travel) or to revert it.
 * Export and import of the whole history sit on top.
 */
export function HistoryView({ tasks }: ViewProps) {
  const timeTravel = useTimeTravel();
  const { live, viewing } = timeTravel;
  const head = useLiveHead(live);
  const pages = useHistoryPages(live, head);
  const now = useNow();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<Commit>();
  const [reverting, setReverting] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const readOnly = viewing !== undefined;

  const toggle = useCallback((id: string) => {
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  const revert = async (commit: Commit): Promise<void> => {
    setConfirming(undefined);
    setReverting(true);
    setNotice(undefined);
    try {
      // `tasks` is the shell's: while time travelling it refuses, with the reason in words.
      await tasks.revert(commit);
      setNotice({ tone: 'ok', text: `Reverted “${subjectOf(commit)}”. The revert is the newest commit, at the top.` });
    } catch (error) {
      setNotice({ tone: 'error', text: `Could not revert “${subjectOf(commit)}”: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setReverting(false);
    }
  };

  return (
    <section className="view-section history-view" aria-labelledby="view-title" data-view="history">
      <h1 id="view-title" className="view-title">
        History
      </h1>
      <p className="muted">
        Every change is a git commit on this device. Open one to see what it changed, to view the whole app as it was then, or to revert it.
      </p>
      <DataPanel />
      <CueKeeperPanel tasks={live} disabled={viewing !== undefined} />
      {timeTravel.error && (
        <p className="banner error" role="alert">
          Could not show that commit: {timeTravel.error}
        </p>
      )}
      {notice && (
        <p className={`banner ${notice.tone === 'ok' ? 'ok' : 'error'}`} role={notice.tone === 'ok' ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
      {reverting && (
        <p className="muted" role="status">
          Reverting…
        </p>
      )}
      {pages.commits.length === 0 && !pages.loading && !pages.error && <p className="muted">No commits yet: the first change you make will be the first.</p>}
      {pages.error && (
        <p className="banner error" role="alert">
          Could not read the history: {pages.error}
        </p>
      )}
      {pages.commits.length > 0 && (
        <ol className="commit-list" aria-label="Commits">
          {pages.commits.map((commit) => (
            <CommitItem
              key={commit.id}
              commit={commit}
              tasks={live}
              now={now}
              expanded={expanded.has(commit.id)}
              onToggle={() => toggle(commit.id)}
              viewing={viewing?.commit.id === commit.id}
              opening={timeTravel.loading === commit.id}
              readOnly={readOnly || reverting}
              onView={(target) => void timeTravel.view(target)}
              onBackToNow={timeTravel.backToNow}
              onRevert={setConfirming}
            />
          ))}
        </ol>
      )}
      <div className="history-footer">
        <span className="muted" data-testid="history-count">
          {pages.commits.length === 0
            ? ''
            : pages.complete
              ? `All ${pages.commits.length} ${pages.commits.length === 1 ? 'commit' : 'commits'}.`
              : `The newest ${pages.commits.length} commits.`}
        </span>
        {!pages.complete && pages.commits.length > 0 && (
          <button type="button" className="button" disabled={pages.loading} onClick={pages.loadMore}>
            {pages.loading ? 'Loading…' : 'Load older commits'}
          </button>
        )}
      </div>
      <RevertDialog commit={confirming} onConfirm={(commit) => void revert(commit)} onCancel={() => setConfirming(undefined)} />
    </section>
  );
}
