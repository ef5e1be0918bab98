import type { Snapshot } from '../snapshot.ts';
import { reviewAreas, type AreasReview } from './review-areas.ts';
import { reviewDone, type DoneReview } from './review-done.ts';
import { reviewEverything, type EverythingReview } from './review-everything.ts';
import { reviewFuture, type FutureReview } from './review-future.ts';
import { reviewWaiting, type WaitingReview } from './review-waiting.ts';

/** A page of the weekly review: whichever `mode` says. */
export type ReviewView = DoneReview | WaitingReview | FutureReview | AreasReview | EverythingReview;

/** The pages of the weekly review. */
export type ReviewMode = ReviewView['mode'];

/** The modes in the order the review walks them. */
export const REVIEW_MODES: readonly ReviewMode[] = ['done', 'waiting', 'future', 'areas', 'everything'];

/**
 * One page of the weekly review: 'done' (done actions and projects, and how many can be
 * deleted), 'waiting' (actions waiting on something or someone), 'future' (future actions and
 * someday projects), 'areas' (every area with its projects and counts), 'everything' (every
 * item with its path). The result's type follows `mode`.
 *
 * @example
 * reviewView(snapshot, 'done').deletableCount;
 */
export function reviewView<M extends ReviewMode>(snapshot: Snapshot, mode: M): Extract<ReviewView, { mode: M }>;
export function reviewView(snapshot: Snapshot, mode: ReviewMode): ReviewView {
  switch (mode) {
    case 'done':
      return reviewDone(snapshot);
    case 'waiting':
      return reviewWaiting(snapshot);
    case 'future':
      return reviewFuture(snapshot);
    case 'areas':
      return reviewAreas(snapshot);
    case 'everything':
      return reviewEverything(snapshot);
  }
}
