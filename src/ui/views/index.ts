/**
 * Which component renders which view. A view is a component taking {@link ViewProps}; to plug
 * in a real one, replace its entry here (or the file it points at).
 */
import type { ComponentType } from 'react';
import type { ViewId } from '../routes.ts';
import { ContactsView } from './contacts-view.tsx';
import { HistoryView } from './history-view.tsx';
import { ProcessView } from './process-view.tsx';
import { ReviewView } from './review-view.tsx';
import { ScheduleView } from './schedule-view.tsx';
import { SyncView } from './sync-view.tsx';
import type { ViewProps } from './view-props.ts';
import { WorkView } from './work-view.tsx';

export type { ViewProps } from './view-props.ts';

export const VIEW_COMPONENTS: Readonly<Record<ViewId, ComponentType<ViewProps>>> = {
  process: ProcessView,
  work: WorkView,
  contacts: ContactsView,
  schedule: ScheduleView,
  review: ReviewView,
  history: HistoryView,
  sync: SyncView,
};
