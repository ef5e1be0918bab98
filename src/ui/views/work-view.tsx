import { useMemo } from 'react';
import { processTree, workView } from '../../model/index.ts';
import { AreaFilter } from './parts/area-filter.tsx';
import { DeadlinesSection } from './parts/deadlines-section.tsx';
import { useHiddenAreas } from './parts/hidden-areas.ts';
import { areaOptions } from './parts/place-options.ts';
import { RecentlyCompleted } from './parts/recently-completed.tsx';
import { useRun } from './parts/use-run.ts';
import { useToday } from './parts/use-today.ts';
import { WorkGroups } from './parts/work-groups.tsx';
import { ViewFeedback } from './parts/view-feedback.tsx';
import { ViewHeading } from './parts/view-heading.tsx';
import type { ViewProps } from './view-props.ts';

/** Work: what to do now (next and due actions) by context, then project; and what was just done. */
export function WorkView({ snapshot, tasks, select, selectedId }: ViewProps) {
  const today = useToday();
  const { hidden, toggle, showAll } = useHiddenAreas();
  const { run, feedback, dismiss } = useRun(tasks);
  const areas = useMemo(() => areaOptions(processTree(snapshot)), [snapshot]);
  const view = useMemo(() => workView(snapshot, today, { hiddenAreas: hidden }), [snapshot, today, hidden]);
  const rowProps = { snapshot, today, run, select, selectedId };
  return (
    <section className="view-section" aria-labelledby="view-title" data-view="work">
      <ViewHeading title="Work" purpose="Next actions and what has fallen due, by context and project.">
        {areas.length > 0 && <AreaFilter areas={areas} hidden={hidden} onToggle={toggle} onShowAll={showAll} />}
      </ViewHeading>
      <ViewFeedback feedback={feedback} onDismiss={dismiss} />
      <DeadlinesSection entries={view.deadlines} {...rowProps} />
      {view.contexts.length === 0 && view.deadlines.length === 0 ? (
        <p className="empty-note">Nothing to do now. Process the inbox, or add actions to a project.</p>
      ) : (
        <WorkGroups groups={view.contexts} {...rowProps} />
      )}
      <RecentlyCompleted actions={view.recentlyCompleted} {...rowProps} />
    </section>
  );
}
