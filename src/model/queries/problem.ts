import { recordPath } from '../paths.ts';
import { quoteName } from '../record-name.ts';
import type { AnyRecord } from '../types.ts';

/** The kinds of problem the Problems list shows. */
export type ProblemKind =
  /** A file that could not be read as a record. */
  | 'malformed'
  /** A record with merge-conflict notes not yet dismissed. */
  | 'conflict'
  /** A `parent`, `context` or `contact` naming a missing record, or one of the wrong kind. */
  | 'dangling-link'
  /** An item inside one that cannot hold it (an area in a project, anything in an action). */
  | 'misplaced'
  /** Items inside each other, round in a circle. */
  | 'parent-cycle'
  /** An active project with nothing in progress inside it (no next, waiting or scheduled action, no active sub-project in progress). */
  | 'no-next-action'
  /** A done project with an action or sub-project directly inside it that is not done. */
  | 'done-project-open';

/** One problem, in words for the person. */
export interface Problem {
  kind: ProblemKind;
  /** The record to open, when the problem is about one. */
  id?: string;
  /** The file in the repository. */
  path?: string;
  message: string;
}

const KIND_LABEL = { area: 'Area', project: 'Project', action: 'Action', contact: 'Contact', context: 'Context' } as const;

/** 'Project “Taxes”', to start a message about `record`. */
export function labelOf(record: AnyRecord): string {
  return `${KIND_LABEL[record.kind]} ${quoteName(record.name)}`;
}

/** A problem about `record`. */
export function recordProblem(kind: ProblemKind, record: AnyRecord, message: string): Problem {
  return { kind, id: record.id, path: recordPath(record.kind, record.id), message };
}
