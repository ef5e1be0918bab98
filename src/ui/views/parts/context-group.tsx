import { useId } from 'react';
import type { WorkContextGroup } from '../../../model/index.ts';
import { ActionRow, type ActionRowProps } from './action-row.tsx';
import { RecordButton } from './record-button.tsx';

/** One context of the Work view: its actions, by project; the context and project headings open their pages. */
export function ContextGroup({ group, ...rowProps }: ActionRowProps & { group: WorkContextGroup }) {
  const headingId = useId();
  return (
    <section className="work-context" aria-labelledby={headingId}>
      <h2 className="group-title">
        <span id={headingId}>{group.context ? <RecordButton record={group.context} select={rowProps.select} selectedId={rowProps.selectedId} /> : group.name}</span>{' '}
        <span className="count-badge" aria-label={`${group.count} to do`}>
          {group.count}
        </span>
      </h2>
      {group.projects.map((project) => (
        <section key={project.project?.id ?? 'none'} className="work-project" aria-label={project.name}>
          <h3 className={`project-title${project.project ? '' : ' muted'}`}>
            {project.project ? <RecordButton record={project.project} select={rowProps.select} selectedId={rowProps.selectedId} /> : project.name}
          </h3>
          <ul className="action-list">
            {project.actions.map((action) => (
              <ActionRow key={action.id} action={action} {...rowProps} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
