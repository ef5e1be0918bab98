import { useCallback, useEffect, useRef, useState } from 'react';
import type { Commit, Tasks } from '../../model/index.ts';

/** Commits per page of History. */
const HISTORY_PAGE_SIZE = 50;

/** What {@link useHistoryPages} has loaded. */
export interface HistoryPages {
  /** Newest first: the first pages of the history from the current head. */
  commits: Commit[];
  /** True when the oldest commit is among `commits`. */
  complete: boolean;
  /** True while a page is being read. */
  loading: boolean;
  error: string | undefined;
  /** Reads the next page (older commits). */
  loadMore(): void;
}

/**
 * The branch's history in pages of `pageSize`, newest first. When the head moves (a commit
 * here, in another tab, a sync, a revert) the pages shown so far are read again from the new
 * head, so a new commit appears on top and nothing is listed twice.
 */
export function useHistoryPages(tasks: Tasks, head: string | undefined, pageSize = HISTORY_PAGE_SIZE): HistoryPages {
  const [commits, setCommits] = useState<Commit[]>([]);
  const [complete, setComplete] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  /** How many commits to show: grows by a page with each "Load more". */
  const wanted = useRef(pageSize);
  /** Each read's number; a read that is no longer the latest is dropped. */
  const generation = useRef(0);

  const read = useCallback(
    (skip: number, limit: number, keep: Commit[]) => {
      const mine = ++generation.current;
      setLoading(true);
      tasks.history({ skip, limit }).then(
        (page) => {
          if (generation.current !== mine) return;
          const seen = new Set(keep.map((commit) => commit.id));
          setCommits([...keep, ...page.filter((commit) => !seen.has(commit.id))]);
          setComplete(page.length < limit);
          setError(undefined);
          setLoading(false);
        },
        (caught: unknown) => {
          if (generation.current !== mine) return;
          setError(caught instanceof Error ? caught.message : String(caught));
          setLoading(false);
        },
      );
    },
    [tasks],
  );

  useEffect(() => {
    read(0, wanted.current, []);
  }, [read, head]);

  const loadMore = useCallback(() => {
    wanted.current = commits.length + pageSize;
    read(commits.length, pageSize, commits);
  }, [read, commits, pageSize]);

  return { commits, complete, loading, error, loadMore };
}
