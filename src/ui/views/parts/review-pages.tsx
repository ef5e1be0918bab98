import type { AnyRecord, AreasReview, EverythingReview, FutureReview, Snapshot, WaitingReview } from '../../../model/index.ts';
import { RecordButton } from './record-button.tsx';
import { RecordLinks } from './record-links.tsx';

interface PageProps<P> {
  page: P;
  snapshot: Snapshot;
  select: (id: string) => void;
  selectedId: string | undefined;
}

/** The Waiting page: actions waiting on something, or on someone (named). */
export function ReviewWaitingPage({ page, snapshot, select, selectedId }: PageProps<WaitingReview>) {
  const on = (action: { contact?: string }): string => {
    const contact = action.contact === undefined ? undefined : snapshot.records.get(action.contact);
    return contact ? `waiting for ${contact.name}` : 'waiting';
  };
  return <RecordLinks records={page.actions} select={select} selectedId={selectedId} meta={on} empty="Nothing is waiting." />;
}

/** The Future page: actions put off, and someday projects, to reconsider. */
export function ReviewFuturePage({ page, select, selectedId }: PageProps<FutureReview>) {
  return (
    <>
      <h3 className="project-title">Someday projects</h3>
      <RecordLinks records={page.projects} select={select} selectedId={selectedId} empty="No someday projects." />
      <h3 className="project-title">Future actions</h3>
      <RecordLinks records={page.actions} select={select} selectedId={selectedId} empty="No future actions." />
    </>
  );
}

/** The Areas page: every area with its projects and counts. */
export function ReviewAreasPage({ page, select, selectedId }: PageProps<AreasReview>) {
  if (page.areas.length === 0) return <p className="muted">No areas yet.</p>;
  return (
    <ul className="plain-list">
      {page.areas.map(({ area, name, depth, projects, counts }) => (
        <li key={area?.id ?? 'none'} className="area-entry" style={{ marginInlineStart: `${depth * 1.25}rem` }}>
          {area ? <RecordButton record={area} select={select} selectedId={selectedId} /> : <span className="muted">{name}</span>}
          <span className="muted record-meta">
            {' '}
            {counts.activeProjects} active, {counts.somedayProjects} someday, {counts.doneProjects} done projects; {counts.openActions} open actions
          </span>
          {projects.length > 0 && <RecordLinks records={projects} select={select} selectedId={selectedId} meta={(p) => p.state} empty="" />}
        </li>
      ))}
    </ul>
  );
}

/** The Everything page: every area, project and action, with its path. */
export function ReviewEverythingPage({ page, select, selectedId }: PageProps<EverythingReview>) {
  const paths = new Map(page.items.map((entry) => [entry.record.id, entry.path]));
  const meta = (record: AnyRecord): string => [record.kind, ...(paths.get(record.id) ?? [])].join(' · ');
  return <RecordLinks records={page.items.map((entry) => entry.record)} select={select} selectedId={selectedId} meta={meta} empty="Nothing yet." />;
}
