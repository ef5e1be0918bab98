/**
 * Queries: the views the UI renders, each a pure function of a {@link Snapshot} (and of
 * `today` where dates matter) returning plain data. Each builds its indexes once per call, so
 * each is O(n log n) in the number of records.
 */
export { processTree } from './process-tree.ts';
export type { ProcessAreaNode, ProcessProjectNode, ProcessTree, ProcessTreeOptions } from './process-tree.ts';
export { workView } from './work-view.ts';
export type { WorkContextGroup, WorkProjectGroup, WorkView, WorkViewOptions } from './work-view.ts';
export { contactsView } from './contacts-view.ts';
export type { ContactEntry } from './contacts-view.ts';
export { scheduleView } from './schedule-view.ts';
export type { ScheduleEntry, ScheduleEntryKind, ScheduleGroup, ScheduleOptions } from './schedule-view.ts';
export { REVIEW_MODES, reviewView } from './review-view.ts';
export type { ReviewMode, ReviewView } from './review-view.ts';
export type { DoneReview } from './review-done.ts';
export type { FutureReview } from './review-future.ts';
export type { AreaCounts, AreaReviewEntry, AreasReview } from './review-areas.ts';
export type { EverythingEntry, EverythingReview } from './review-everything.ts';
export { problems } from './problems.ts';
export type { Problem, ProblemKind } from './problem.ts';
export { search } from './search.ts';
export type { SearchResult } from './search.ts';
export { parentChain, parentPath } from './parent-path.ts';
export { countByState } from './stats.ts';
export type { StateCounts } from './stats.ts';
export { itemPage } from './item-page.ts';
export type { Adder, ItemGroup, ItemGroupKind } from './item-page.ts';
export type { DeadlineEntry } from './deadlines.ts';
export { STALE_AFTER_DAYS, staleProjects } from './stale-projects.ts';
export type { StaleProject } from './stale-projects.ts';
export type { ParentGroup } from './parent-groups.ts';
export type { WaitingGroup, WaitingReview } from './review-waiting.ts';
