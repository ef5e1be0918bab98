import type { ActionState, ProjectState, RecordKind, Repeat } from '../../model/index.ts';

/** Each kind as a label. */
export const KIND_LABELS: Readonly<Record<RecordKind, string>> = {
  area: 'Area',
  project: 'Project',
  action: 'Action',
  contact: 'Contact',
  context: 'Context',
};

/** Each action state as a label. */
export const ACTION_STATE_LABELS: Readonly<Record<ActionState, string>> = {
  inbox: 'Inbox',
  next: 'Next',
  waiting: 'Waiting',
  'waiting-for-contact': 'Waiting for contact',
  scheduled: 'Scheduled',
  future: 'Future',
  done: 'Done',
};

/** Each project state as a label. */
export const PROJECT_STATE_LABELS: Readonly<Record<ProjectState, string>> = {
  active: 'Active',
  someday: 'Someday',
  done: 'Done',
};

/** Each repeat unit, plural, as a label. */
export const UNIT_LABELS: Readonly<Record<Repeat['unit'], string>> = {
  day: 'days',
  week: 'weeks',
  month: 'months',
  year: 'years',
};
