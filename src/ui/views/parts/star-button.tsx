import { updateRecord, type AnyRecord } from '../../../model/index.ts';
import type { Run } from './use-run.ts';

/** A toggle that stars a record (starred records come first in every list). */
export function StarButton({ record, run }: { record: AnyRecord; run: Run }) {
  const starred = record.starred === true;
  return (
    <button
      type="button"
      className="star-button"
      aria-pressed={starred}
      aria-label={`Star ${record.name}`}
      title={starred ? 'Starred' : 'Star'}
      onClick={() => void run((s) => updateRecord(s, record.id, { starred: !starred }, new Date()))}
    >
      <span aria-hidden="true">{starred ? '★' : '☆'}</span>
    </button>
  );
}
