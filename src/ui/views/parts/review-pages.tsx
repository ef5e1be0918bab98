import type { ReactNode } from 'react';
import type { Adder, AnyRecord, EverythingReview, FutureReview, WaitingGroup, WaitingReview } from '../../../model/index.ts';
import { useGroupAdder } from '../../items/group-adder.tsx';
import { ItemRow, type ItemRowProps } from '../../rows/item-row.tsx';
import { describeDay } from './describe-day.ts';
import { ParentGroups } from './parent-groups.tsx';
import { RecordButton } from './record-button.tsx';
import { RecordLinks } from './record-links.tsx';

type PageProps<P> = ItemRowProps & { page: P };

/** A titled group of a review page, with its "+" when it has an adder. */
function ReviewGroup({ title, heading, adder, draftKey, run, children }: { title: string; heading?: ReactNode; adder?: Adder; draftKey: string; run: ItemRowProps['run']; children: ReactNode }) {
  const { button, form } = useGroupAdder(adder, title, draftKey, run);
  return (
    <section className="review-group" aria-label={title}>
      <div className="item-group-head">
        <h3 className="project-title">{heading ?? title}</h3>
        {button}
      </div>
      {form}
      {children}
    </section>
  );
}

/**
 * The Waiting page, as CueKeeper's: what waits for no given reason, then for each contact what
 * waits on them, each by parent, each group with "+"; then every scheduled action by day.
 */
export function ReviewWaitingPage({ page, ...rowProps }: PageProps<WaitingReview>) {
  const heading = (group: WaitingGroup) =>
    group.contact && (
      <>
        Waiting for <RecordButton record={group.contact} select={rowProps.select} selectedId={rowProps.selectedId} />
      </>
    );
  return (
    <>
      {page.groups.length === 0 && <p className="muted">Nothing is waiting on anyone.</p>}
      {page.groups.map((group) => (
        <ReviewGroup key={group.contact?.id ?? 'unspecified'} title={group.title} heading={heading(group)} adder={group.adder} draftKey={`review-waiting:${group.contact?.id ?? ''}`} run={rowProps.run}>
          <ParentGroups groups={group.byParent} empty="" {...rowProps} />
        </ReviewGroup>
      ))}
      <ReviewGroup title="Scheduled" draftKey="review-scheduled" run={rowProps.run}>
        {page.scheduled.length === 0 ? (
          <p className="muted">Nothing is scheduled.</p>
        ) : (
          <ul className="action-list">
            {page.scheduled.map((action) => (
              <ItemRow key={action.id} record={action} meta={action.waitUntil && <span className="tag">until {describeDay(action.waitUntil, rowProps.today).date}</span>} {...rowProps} />
            ))}
          </ul>
        )}
      </ReviewGroup>
    </>
  );
}

/** The Future page: someday projects and future actions, each by parent, to make current or drop. */
export function ReviewFuturePage({ page, ...rowProps }: PageProps<FutureReview>) {
  return (
    <>
      <ReviewGroup title="Someday projects" adder={{ kind: 'project', state: 'someday' }} draftKey="review-someday" run={rowProps.run}>
        <ParentGroups groups={page.projects} empty="No someday projects." {...rowProps} />
      </ReviewGroup>
      <ReviewGroup title="Future actions" adder={{ kind: 'action', state: 'future' }} draftKey="review-future" run={rowProps.run}>
        <ParentGroups groups={page.actions} empty="No future actions." {...rowProps} />
      </ReviewGroup>
    </>
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
