import { useId, useMemo } from 'react';
import { itemPage, type AnyRecord, type ItemGroup, type Snapshot } from '../../model/index.ts';
import { ItemRow, type ItemRowProps } from '../rows/item-row.tsx';
import { useTasks } from '../tasks/tasks-context.ts';
import { describeDay } from '../views/parts/describe-day.ts';
import { useRun } from '../views/parts/use-run.ts';
import { useToday } from '../views/parts/use-today.ts';
import { ViewFeedback } from '../views/parts/view-feedback.tsx';
import { useGroupAdder } from './group-adder.tsx';
import '../styles/pages.css';

/**
 * What an area, project, context or contact holds, grouped as CueKeeper's item panels are
 * (model `itemPage`): each group with "+" to add to it (the new record gets the group's
 * state, parent, context or contact), each row with its state toggles and keys.
 */
export function ItemContents({ snapshot, record, onSelect }: { snapshot: Snapshot; record: AnyRecord; onSelect: (id: string) => void }) {
  const groups = useMemo(() => itemPage(snapshot, record.id), [snapshot, record.id]);
  const today = useToday();
  const { run, feedback, dismiss } = useRun(useTasks());
  if (groups.length === 0) return null;
  const rowProps: ItemRowProps = { snapshot, today, run, select: onSelect, selectedId: undefined };
  return (
    <section className="item-contents" aria-label={`In ${record.name}`}>
      <ViewFeedback feedback={feedback} onDismiss={dismiss} />
      {groups.map((group) => (
        <GroupSection key={group.key} group={group} owner={record} {...rowProps} />
      ))}
    </section>
  );
}

/** A group's heading: its title, a "Waiting until" day in the person's words. */
function groupTitle(group: ItemGroup, today: string): string {
  return group.kind === 'scheduled' && group.day !== undefined ? `Waiting until ${describeDay(group.day, today).long}` : group.title;
}

function GroupSection({ group, owner, ...rowProps }: ItemRowProps & { group: ItemGroup; owner: AnyRecord }) {
  const headingId = useId();
  const title = groupTitle(group, rowProps.today);
  const { button, form } = useGroupAdder(group.adder, title, `add:${owner.id}:${group.key}`, rowProps.run);
  return (
    <section className="item-group" aria-labelledby={headingId} data-group={group.key}>
      <div className="item-group-head">
        <h3 id={headingId} className="item-group-title">
          {title} <span className="count-badge">{group.records.length}</span>
        </h3>
        {button}
      </div>
      {form}
      {group.records.length > 0 && (
        <ul className="action-list">
          {group.records.map((item) => (
            <ItemRow key={item.id} record={item} {...rowProps} />
          ))}
        </ul>
      )}
    </section>
  );
}
