import { useId } from 'react';
import { useGroupAdder } from '../../items/group-adder.tsx';
import { ActionRow, type ActionRowProps } from './action-row.tsx';
import { RecordButton } from './record-button.tsx';
import { contextLineKey, projectLineKey, type ContextSlice, type ProjectSlice } from './work-lines.ts';

/**
 * One context of the Work view: its actions, by project; the context and project headings open
 * their pages, and "+" on either adds a next action there (CueKeeper's Work adders). `slice`
 * holds the part of the group a long list draws (work-lines.ts): its headings always, and the
 * actions in the window.
 */
export function ContextGroup({ slice, ...rowProps }: ActionRowProps & { slice: ContextSlice }) {
  const { group } = slice;
  const headingId = useId();
  const context = group.context?.id;
  const { button, form } = useGroupAdder({ kind: 'action', state: 'next', ...(context ? { context } : {}) }, `${group.name}`, `work-add:${context ?? 'none'}`, rowProps.run);
  return (
    <section className="work-context" aria-labelledby={headingId} data-work-line={contextLineKey(group)}>
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
      {slice.projects.map((project) => (
        <ProjectGroup key={project.project.project?.id ?? 'none'} slice={project} group={group} {...rowProps} />
      ))}
    </section>
  );
}

function ProjectGroup({ slice, group, ...rowProps }: ActionRowProps & { slice: ProjectSlice; group: ContextSlice['group'] }) {
  const { project, from, to } = slice;
  const context = group.context?.id;
  const parent = project.project?.id;
  const adder = parent ? { kind: 'action' as const, state: 'next' as const, parent, ...(context ? { context } : {}) } : undefined;
  const { button, form } = useGroupAdder(adder, project.name, `work-add:${context ?? 'none'}:${parent ?? 'none'}`, rowProps.run);
  return (
    <section className="work-project" aria-label={project.name} data-work-line={projectLineKey(group, project)}>
      <div className="item-group-head">
        <h3 className={`project-title${project.project ? '' : ' muted'}`}>
          {project.project ? <RecordButton record={project.project} select={rowProps.select} selectedId={rowProps.selectedId} /> : project.name}
        </h3>
        {button}
      </div>
      {form}
      {to > from && (
        <ul className="action-list">
          {project.actions.slice(from, to).map((action, at) => (
            <ActionRow key={action.id} action={action} position={{ index: from + at + 1, size: project.actions.length }} {...rowProps} />
          ))}
        </ul>
      )}
    </section>
  );
}
