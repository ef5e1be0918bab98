import type { ReactNode } from 'react';
import type { AnyRecord } from '../../../model/index.ts';
import { RecordButton } from './record-button.tsx';

interface RecordLinksProps<R extends AnyRecord> {
  records: readonly R[];
  select: (id: string) => void;
  selectedId: string | undefined;
  /** Small print after a record's name. */
  meta?: (record: R) => ReactNode;
  empty: string;
}

/** A list of records to open, each with optional small print; `empty` when there are none. */
export function RecordLinks<R extends AnyRecord>({ records, select, selectedId, meta, empty }: RecordLinksProps<R>) {
  if (records.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="plain-list">
      {records.map((record) => (
        <li key={record.id}>
          <RecordButton record={record} select={select} selectedId={selectedId} />
          {meta && <span className="muted record-meta"> {meta(record)}</span>}
        </li>
      ))}
    </ul>
  );
}
