import type { AnyRecord } from '../../../model/index.ts';

/** A record's name as a button that shows it in the item panel; marked while it is shown there. */
export function RecordButton({ record, select, selectedId, id }: { record: AnyRecord; select: (id: string) => void; selectedId: string | undefined; id?: string }) {
  return (
    <button type="button" id={id} className="record-name" aria-current={record.id === selectedId ? 'true' : undefined} onClick={() => select(record.id)}>
      {record.name}
    </button>
  );
}
