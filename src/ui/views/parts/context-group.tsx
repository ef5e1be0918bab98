import { useId } from 'react';
import type { WorkContextGroup, WorkProjectGroup } from '../../../model/index.ts';
import { useGroupAdder } from '../../items/group-adder.tsx';
import { ActionRow, type ActionRowProps } from './action-row.tsx';
import { RecordButton } from './record-button.tsx';

/**
 * One context of the Work view: its actions, by project; the context and project headings open
 * their pages, and "+" on either adds a next action there (CueKeeper's Work adders).
 */
export function ContextGroup({ group, ...rowProps }: ActionRowProps & { group: WorkContextGroup }) {
  const headingId = useId();
  const context = group.context?.id;
  const { button, form } = useGroupAdder({ kind: 'action', state: 'next', ...(context ? { context } : {}) }, `${group.name}`, `work-add:${context ?? 'none'}`, rowProps.run);
  return (
    <section className="work-context" aria-labelledby={headingId}>
      <div className="item-group-head">
        <h2 className="group-title">
          <span id={headingId}>{group.context ? <RecordButton record={group.context} select={rowProps.select} selectedId={rowProps.selectedId} /> : group.name}</span>{' '}
          <span className="count-badge" aria-label={`${group.count} to do`}>
            {group.count}
          </span>
        </h2>
        {button}
      </div>
      {form}
      {group.projects.map((project) => (
        <ProjectGroup key={project.project?.id ?? 'none'} project={project} context={context} {...rowProps} />
      ))}
    </section>
  );
}

function ProjectGroup({ project, context, ...rowProps }: ActionRowProps & { project: WorkProjectGroup; context: string | undefined }) {
  const parent = project.project?.id;
  const adder = parent ? { kind: 'action' as const, state: 'next' as const, parent, ...(context ? { context } : {}) } : undefined;
  const { button, form } = useGroupAdder(adder, project.name, `work-add:${context ?? 'none'}:${parent ?? 'none'}`, rowProps.run);
  return (
    <section className="work-project" aria-label={project.name}>
      <div className="item-group-head">
        <h3 className={`project-title${project.project ? '' : ' muted'}`}>
          {project.project ? <RecordButton record={project.project} select={rowProps.select} selectedId={rowProps.selectedId} /> : project.name}
        </h3>
        {button}
      </div>
      {form}
      <ul className="action-list">
        {project.actions.map((action) => (
          <ActionRow key={action.id} action={action} {...rowProps} />
        ))}
      </ul>
    </section>
  );
}
