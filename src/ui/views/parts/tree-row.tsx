import type { KeyboardEvent, ReactNode, Ref } from 'react';
import type { ProcessNode } from './process-nodes.ts';
import type { TreeRow as Row } from './tree-nav.ts';
import { DraftMark, draftLabel, useDraftWaiting } from '../../drafts/index.ts';
import { addItemDraftKey, kindsInside } from './add-item-form.tsx';

interface TreeRowProps {
  row: Row<ProcessNode>;
  active: boolean;
  /** Whether its add form is open. */
  adding: boolean;
  selected: boolean;
  rowRef: Ref<HTMLDivElement>;
  onActivate: () => void;
  onToggle: () => void;
  onAdd: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  /** The add form, when it is open on this row. */
  children?: ReactNode;
}

/**
 * One area or project of the Process tree: a treeitem (focus moves between them with the
 * arrow keys; one is in the tab order), its open/close arrow, its count of open actions, and
 * a "+" to add inside it (in the tab order only on the active row; with a dot while a name
 * typed in its closed form waits).
 */
export function TreeRow({ row, active, adding, selected, rowRef, onActivate, onToggle, onAdd, onKeyDown, children }: TreeRowProps) {
  const { record, actionCount } = row.node;
  const drafted = useDraftWaiting(...kindsInside(record).map((kind) => addItemDraftKey(record.id, kind))) && !adding;
  return (
    <div
      ref={rowRef}
      role="treeitem"
      aria-level={row.level}
      aria-posinset={row.position}
      aria-setsize={row.siblings}
      aria-expanded={row.hasChildren ? row.expanded : undefined}
      aria-selected={selected}
      aria-label={record.name}
      tabIndex={active ? 0 : -1}
      className={`tree-row kind-${record.kind}${selected ? ' selected' : ''}`}
      style={{ paddingInlineStart: `${(row.level - 1) * 1.1 + 0.25}rem` }}
      onClick={onActivate}
      onKeyDown={onKeyDown}
    >
      <span
        className={`twisty${row.hasChildren ? '' : ' leaf'}`}
        aria-hidden="true"
        onClick={(event) => {
          event.stopPropagation();
          if (row.hasChildren) onToggle();
        }}
      >
        {row.hasChildren ? (row.expanded ? '▾' : '▸') : '•'}
      </span>
      <span className="tree-kind" aria-hidden="true">
        {record.kind === 'area' ? 'Area' : 'Project'}
      </span>
      <span className="tree-name">
        {record.name}
        {record.starred && (
          <span className="tree-star" aria-hidden="true" title="Starred">
            {' ★'}
          </span>
        )}
      </span>
      {actionCount > 0 && (
        <span className="count-badge" title={`${actionCount} open ${actionCount === 1 ? 'action' : 'actions'}`}>
          {actionCount}
        </span>
      )}
      <button
        type="button"
        className="icon-button small add-inside"
        tabIndex={active ? 0 : -1}
        aria-label={draftLabel(`Add inside ${record.name}`, drafted)}
        title={draftLabel('Add an area, project or action inside', drafted)}
        onClick={(event) => {
          event.stopPropagation();
          onAdd();
        }}
      >
        <span aria-hidden="true">+</span>
        <DraftMark waiting={drafted} icon />
      </button>
      {children && (
        <div className="tree-row-form" onClick={(event) => event.stopPropagation()} onKeyDown={(event) => event.stopPropagation()}>
          {children}
        </div>
      )}
    </div>
  );
}
