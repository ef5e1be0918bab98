import { createRecord, quoteName, type Edit, type RecordKind, type Snapshot } from '../../model/index.ts';
import type { ViewId } from '../routes.ts';

/** What the search box can add with the typed name. */
export type CaptureKind = 'inbox' | 'project' | 'area' | 'contact' | 'context';

/** The kinds in the "Add as…" menu, with their labels. */
export const CAPTURE_KINDS: ReadonlyArray<{ kind: CaptureKind; label: string }> = [
  { kind: 'inbox', label: 'Inbox action' },
  { kind: 'project', label: 'Project' },
  { kind: 'area', label: 'Area' },
  { kind: 'contact', label: 'Contact' },
  { kind: 'context', label: 'Context' },
];

/** The command that creates `name` as `kind` (an inbox action is an action with no parent, context or state). */
export function captureCommand(kind: CaptureKind, name: string, newId: () => string): (snapshot: Snapshot) => Edit {
  const recordKind: RecordKind = kind === 'inbox' ? 'action' : kind;
  return (snapshot) => createRecord(snapshot, { kind: recordKind, name }, new Date(), newId);
}

/** What the search box says once it has added something: "Added “Buy milk” to the inbox." */
export function captureMessage(kind: CaptureKind, name: string): string {
  const quoted = quoteName(name.trim());
  return kind === 'inbox' ? `Added ${quoted} to the inbox.` : `Added ${kind} ${quoted}.`;
}

/** The view that lists a record of `kind`, for opening a search hit when the view on screen cannot. */
export function viewFor(kind: RecordKind): ViewId {
  if (kind === 'contact' || kind === 'context') return 'contacts';
  return kind === 'action' ? 'work' : 'process';
}
