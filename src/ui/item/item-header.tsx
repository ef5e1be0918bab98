import { isItem, updateRecord, type AnyRecord, type Snapshot } from '../../model/index.ts';
import { Breadcrumbs } from './breadcrumbs.tsx';
import { CommandError } from './command-error.tsx';
import { CommitField } from './commit-field.tsx';
import { KIND_LABELS } from './labels.ts';
import { StarToggle } from './star-toggle.tsx';
import { useCommand } from './use-command.ts';

/** The top of the panel: where the record sits, its kind, star and name (focused when `focusName`), and Close. */
export function ItemHeader(props: { snapshot: Snapshot; record: AnyRecord; readOnly: boolean; focusName: boolean; onSelect: (id: string) => void; onClose: () => void }) {
  const { snapshot, record, readOnly, focusName, onSelect, onClose } = props;
  const { run, error } = useCommand();
  const rename = (name: string): Promise<boolean> => run((s) => updateRecord(s, record.id, { name }, new Date()));
  const toggleStar = (): void => void run((s) => updateRecord(s, record.id, { starred: !record.starred }, new Date()));
  return (
    <header className="item-head">
      <h2 className="visually-hidden">
        {KIND_LABELS[record.kind]}: {record.name}
      </h2>
      <div className="item-head-row">
        <span className={`item-kind kind-${record.kind}`}>{KIND_LABELS[record.kind]}</span>
        {isItem(record) && <Breadcrumbs snapshot={snapshot} id={record.id} onSelect={onSelect} />}
        <span className="item-head-actions">
          <StarToggle starred={record.starred === true} disabled={readOnly} onToggle={toggleStar} />
          <button type="button" className="icon-button" aria-label="Close details" title="Close (Escape)" onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </span>
      </div>
      <CommitField label="Name" hideLabel value={record.name} onCommit={rename} draftKey={`name:${record.id}`} autoFocus={focusName} readOnly={readOnly} className="item-name" />
      <CommandError error={error} />
    </header>
  );
}
