import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ItemKind } from '../../../model/index.ts';
import { AddItemForm, draftedKind, kindsInside } from './add-item-form.tsx';
import type { ProcessNode } from './process-nodes.ts';
import { treeMove, visibleRows } from './tree-nav.ts';
import { TreeRow } from './tree-row.tsx';
import type { Run } from './use-run.ts';

interface ProcessTreeViewProps {
  nodes: ProcessNode[];
  run: Run;
  select: (id: string) => void;
  selectedId: string | undefined;
}

/**
 * Areas and active projects as a tree (WAI-ARIA tree pattern): Up and Down move, Right and
 * Left open, enter, close and leave nodes, Home and End jump, Enter selects; a click selects
 * too. Each row's "+" opens a form to add inside it.
 */
export function ProcessTreeView({ nodes, run, select, selectedId }: ProcessTreeViewProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [activeId, setActiveId] = useState<string>();
  const [adding, setAdding] = useState<{ id: string; kind: ItemKind }>();
  const rowRefs = useRef(new Map<string, HTMLDivElement>());
  const rows = useMemo(() => visibleRows(nodes, collapsed), [nodes, collapsed]);
  const active = rows.some((row) => row.node.id === activeId) ? activeId : rows[0]?.node.id;

  const setOpen = (id: string, open: boolean): void =>
    setCollapsed((before) => {
      const after = new Set(before);
      if (open) after.delete(id);
      else after.add(id);
      return after;
    });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, id: string): void => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      select(id);
      return;
    }
    const move = treeMove(rows, id, event.key);
    if (!move) return;
    event.preventDefault();
    if (move.kind === 'focus') {
      setActiveId(move.id);
      rowRefs.current.get(move.id)?.focus();
    } else setOpen(move.id, move.kind === 'expand');
  };

  if (rows.length === 0) return <p className="empty-note">No areas or active projects yet. Add one above.</p>;
  return (
    <div role="tree" aria-label="Areas and projects" className="process-tree">
      {rows.map((row) => {
        const { id, record } = row.node;
        return (
          <TreeRow
            key={id}
            row={row}
            active={id === active}
            adding={adding?.id === id}
            selected={id === selectedId}
            rowRef={(element) => {
              if (element) rowRefs.current.set(id, element);
              else rowRefs.current.delete(id);
            }}
            onActivate={() => {
              setActiveId(id);
              select(id);
            }}
            onToggle={() => setOpen(id, !row.expanded)}
            onAdd={() => setAdding((open) => (open?.id === id ? undefined : { id, kind: draftedKind(id, kindsInside(record)) ?? (record.kind === 'area' ? 'project' : 'action') }))}
            onKeyDown={(event) => onKeyDown(event, id)}
          >
            {adding?.id === id && (
              <AddItemForm
                parent={record}
                initialKind={adding.kind}
                run={run}
                onClose={() => {
                  setAdding(undefined);
                  rowRefs.current.get(id)?.focus(); // back on the row whose "+" opened it
                }}
              />
            )}
          </TreeRow>
        );
      })}
    </div>
  );
}
