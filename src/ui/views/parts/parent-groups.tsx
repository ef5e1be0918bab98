import type { ReactNode } from 'react';
import type { ItemRecord, ParentGroup } from '../../../model/index.ts';
import { ItemRow, type ItemRowProps } from '../../rows/item-row.tsx';
import { RecordButton } from './record-button.tsx';

interface ParentGroupsProps<R extends ItemRecord> extends ItemRowProps {
  groups: readonly ParentGroup<R>[];
  meta?: (record: R) => ReactNode;
  empty: string;
}

/**
 * Records grouped by parent, as CueKeeper's review pages show them: those at the top level
 * first, then each parent (a link to its page) with its records, each a row with its toggles.
 */
export function ParentGroups<R extends ItemRecord>({ groups, meta, empty, ...rowProps }: ParentGroupsProps<R>) {
  if (groups.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="parent-groups">
      {groups.map(({ parent, records }) => (
        <div key={parent?.id ?? 'top'} className="parent-group">
          {parent && (
            <h4 className="parent-title">
              <RecordButton record={parent} select={rowProps.select} selectedId={rowProps.selectedId} />
            </h4>
          )}
          <ul className="action-list">
            {records.map((record) => (
              <ItemRow key={record.id} record={record} meta={meta?.(record)} {...rowProps} />
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
