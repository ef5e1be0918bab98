import type { AnyRecord, AreasReview, Day, EverythingReview, FutureReview, Snapshot, WaitingReview } from '../../../model/index.ts';
import { describeDay } from './describe-day.ts';
import { ParentGroups } from './parent-groups.tsx';
import { RecordButton } from './record-button.tsx';
import { RecordLinks } from './record-links.tsx';

interface PageProps<P> {
  page: P;
  snapshot: Snapshot;
  select: (id: string) => void;
  selectedId: string | undefined;
}

/** The Waiting page: by contact (unspecified reasons first), each by parent; then the scheduled actions by day. */
export function ReviewWaitingPage({ page, today, select, selectedId }: PageProps<WaitingReview> & { today: Day }) {
  return (
    <>
      {page.groups.length === 0 && <p className="muted">Nothing is waiting.</p>}
      {page.groups.map((group) => (
        <section key={group.contact?.id ?? 'unspecified'} className="review-group">
          <h3 className="project-title">{group.contact ? <>Waiting for <RecordButton record={group.contact} select={select} selectedId={selectedId} /></> : group.title}</h3>
          <ParentGroups groups={group.byParent} select={select} selectedId={selectedId} empty="" />
        </section>
      ))}
      <h3 className="project-title">Scheduled</h3>
      <RecordLinks records={page.scheduled} select={select} selectedId={selectedId} meta={(action) => (action.waitUntil ? describeDay(action.waitUntil, today).short : '')} empty="Nothing is scheduled." />
    </>
  );
}

/** The Future page: someday projects and actions put off, each by parent, to reconsider. */
export function ReviewFuturePage({ page, select, selectedId }: PageProps<FutureReview>) {
  return (
    <>
      <h3 className="project-title">Someday projects</h3>
      <ParentGroups groups={page.projects} select={select} selectedId={selectedId} empty="No someday projects." />
      <h3 className="project-title">Future actions</h3>
      <ParentGroups groups={page.actions} select={select} selectedId={selectedId} empty="No future actions." />
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

/** The Everything page: every area, project and action, with its path; then the contexts and contacts. */
export function ReviewEverythingPage({ page, select, selectedId }: PageProps<EverythingReview>) {
  const paths = new Map(page.items.map((entry) => [entry.record.id, entry.path]));
  const meta = (record: AnyRecord): string => [record.kind, ...(paths.get(record.id) ?? [])].join(' · ');
  return (
    <>
      <h3 className="project-title">Areas, projects and actions</h3>
      <RecordLinks records={page.items.map((entry) => entry.record)} select={select} selectedId={selectedId} meta={meta} empty="Nothing yet." />
      <h3 className="project-title">Contexts</h3>
      <RecordLinks records={page.contexts} select={select} selectedId={selectedId} empty="No contexts yet." />
      <h3 className="project-title">Contacts</h3>
      <RecordLinks records={page.contacts} select={select} selectedId={selectedId} empty="No contacts yet." />
    </>
  );
}
