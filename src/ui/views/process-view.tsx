import { useMemo } from 'react';
import { countByState, processTree } from '../../model/index.ts';
import { InboxList } from './parts/inbox-list.tsx';
import { contextsByName, placeOptions } from './parts/place-options.ts';
import { ProcessCounts } from './parts/process-counts.tsx';
import { processNodes } from './parts/process-nodes.ts';
import { ProcessTreeSection } from './parts/process-tree-section.tsx';
import { useRun } from './parts/use-run.ts';
import { useToday } from './parts/use-today.ts';
import { ViewFeedback } from './parts/view-feedback.tsx';
import { ViewHeading } from './parts/view-heading.tsx';
import { ProblemsView } from './problems-view.tsx';
import type { ViewProps } from './view-props.ts';

/** Process: problems to fix, the inbox to clarify, and the tree of areas and projects to add to. */
export function ProcessView({ snapshot, tasks, select, selectedId }: ViewProps) {
  const today = useToday();
  const { run, feedback, dismiss } = useRun(tasks);
  const tree = useMemo(() => processTree(snapshot), [snapshot]);
  const nodes = useMemo(() => processNodes(tree), [tree]);
  const places = useMemo(() => placeOptions(tree), [tree]);
  const contexts = useMemo(() => contextsByName(snapshot), [snapshot]);
  return (
    <section className="view-section" aria-labelledby="view-title" data-view="process">
      <ViewHeading title="Process" purpose="Clarify what you captured: make it a next action, schedule it, put it off, or tick it off." />
      <ProcessCounts counts={countByState(snapshot)} />
      <ViewFeedback feedback={feedback} onDismiss={dismiss} />
      <ProblemsView snapshot={snapshot} run={run} select={select} selectedId={selectedId} />
      <InboxList inbox={tree.inbox} snapshot={snapshot} contexts={contexts} places={places} today={today} run={run} select={select} selectedId={selectedId} />
      <ProcessTreeSection nodes={nodes} run={run} select={select} selectedId={selectedId} />
    </section>
  );
}
