import type { ItemKind } from '../../../model/index.ts';
import { DraftMark, useDraftWaiting } from '../../drafts/index.ts';
import { AddItemForm, addItemDraftKey } from './add-item-form.tsx';
import type { ProcessNode } from './process-nodes.ts';
import { ProcessTreeView } from './process-tree-view.tsx';
import { useInlineForm } from './use-inline-form.ts';
import type { Run } from './use-run.ts';

/** The Process view's tree of areas and active projects, with buttons to add at the top level (each marked while a name typed in it waits). */
export function ProcessTreeSection({ nodes, run, select, selectedId }: { nodes: ProcessNode[]; run: Run; select: (id: string) => void; selectedId: string | undefined }) {
  const { opened: adding, toggle, close } = useInlineForm<ItemKind>();
  const areaDrafted = useDraftWaiting(addItemDraftKey(undefined, 'area')) && !adding;
  const projectDrafted = useDraftWaiting(addItemDraftKey(undefined, 'project')) && !adding;
  return (
    <section className="process-tree-section" aria-labelledby="tree-title">
      <div className="section-head">
        <h2 id="tree-title" className="group-title">
          Areas and projects
        </h2>
        <div className="button-row">
          <button type="button" className="button small" aria-expanded={adding === 'area'} onClick={(event) => toggle('area', event.currentTarget)}>
            Add area
            <DraftMark waiting={areaDrafted} />
          </button>
          <button type="button" className="button small" aria-expanded={adding === 'project'} onClick={(event) => toggle('project', event.currentTarget)}>
            Add project
            <DraftMark waiting={projectDrafted} />
          </button>
        </div>
      </div>
      {adding && <AddItemForm key={adding} initialKind={adding} run={run} onClose={close} />}
      <ProcessTreeView nodes={nodes} run={run} select={select} selectedId={selectedId} />
    </section>
  );
}
