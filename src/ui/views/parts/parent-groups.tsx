import type { ReactNode } from 'react';
import type { ItemRecord, ParentGroup } from '../../../model/index.ts';
import { RecordButton } from './record-button.tsx';
import { RecordLinks } from './record-links.tsx';

interface ParentGroupsProps<R extends ItemRecord> {
  groups: readonly ParentGroup<R>[];
  select: (id: string) => void;
  selectedId: string | undefined;
  meta?: (record: R) => ReactNode;
  empty: string;
}

/** Records grouped by parent: those at the top level first, then each parent (a link) with its records. */
export function ParentGroups<R extends ItemRecord>({ groups, select, selectedId, meta, empty }: ParentGroupsProps<R>) {
  if (groups.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="parent-groups">
      {groups.map(({ parent, records }) => (
        <div key={parent?.id ?? 'top'} className="parent-group">
          {parent && (
            <h4 className="parent-title">
              <RecordButton record={parent} select={select} selectedId={selectedId} />
            </h4>
          )}
          <RecordLinks records={records} select={select} selectedId={selectedId} meta={meta} empty="" />
        </div>
      ))}
    </div>
  );
}
