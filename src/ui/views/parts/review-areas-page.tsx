import { useMemo } from 'react';
import { markReviewed, quoteName, staleProjects, STALE_AFTER_DAYS, type AreasReview, type ProjectRecord } from '../../../model/index.ts';
import { ItemRow, type ItemRowProps } from '../../rows/item-row.tsx';
import { reviewedWords } from './describe-day.ts';
import { RecordButton } from './record-button.tsx';
import { RecordLinks } from './record-links.tsx';

/** A project's "Mark reviewed" button. */
function MarkReviewedButton({ project, run }: { project: ProjectRecord; run: ItemRowProps['run'] }) {
  return (
    <button type="button" className="chip" onClick={() => void run((s) => markReviewed(s, project.id, new Date()), `${quoteName(project.name)} is marked reviewed.`)}>
      Mark reviewed
    </button>
  );
}

/**
 * The Areas page: first the active projects not looked at for a week (each with "Mark
 * reviewed"), then every area with its projects and counts.
 */
export function ReviewAreasPage({ page, ...rowProps }: ItemRowProps & { page: AreasReview }) {
  const stale = useMemo(() => staleProjects(rowProps.snapshot, rowProps.today), [rowProps.snapshot, rowProps.today]);
  return (
    <>
      <section className="review-group" aria-label="Projects to review">
        <h3 className="project-title">
          Projects to review <span className={`count-badge${stale.length > 0 ? ' warn' : ''}`}>{stale.length}</span>
        </h3>
        {stale.length === 0 ? (
          <p className="muted">No active project has gone {STALE_AFTER_DAYS} days without a look (counting from when it was made, if never reviewed).</p>
        ) : (
          <ul className="action-list">
            {stale.map(({ project }) => (
              <ItemRow
                key={project.id}
                record={project}
                meta={
                  <span className="action-meta">
                    <span>{reviewedWords(project, rowProps.today)}</span> <MarkReviewedButton project={project} run={rowProps.run} />
                  </span>
                }
                {...rowProps}
              />
            ))}
          </ul>
        )}
      </section>
      <h3 className="project-title">Areas</h3>
      {page.areas.length === 0 ? (
        <p className="muted">No areas yet.</p>
      ) : (
        <ul className="plain-list">
          {page.areas.map(({ area, name, depth, projects, counts }) => (
            <li key={area?.id ?? 'none'} className="area-entry" style={{ marginInlineStart: `${depth * 1.25}rem` }}>
              {area ? <RecordButton record={area} select={rowProps.select} selectedId={rowProps.selectedId} /> : <span className="muted">{name}</span>}
              <span className="muted record-meta"> {countWords(counts)}</span>
              {projects.length > 0 && <RecordLinks records={projects} select={rowProps.select} selectedId={rowProps.selectedId} meta={(p) => (p.state === 'active' ? `active · ${reviewedWords(p, rowProps.today)}` : p.state)} empty="" />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** "1 active, 2 someday, 1 done project; 3 open actions" with plurals right and empty counts left out. */
function countWords(counts: AreasReview['areas'][number]['counts']): string {
  const projects = [
    [counts.activeProjects, 'active'],
    [counts.somedayProjects, 'someday'],
    [counts.doneProjects, 'done'],
  ].filter(([count]) => (count as number) > 0);
  const total = counts.activeProjects + counts.somedayProjects + counts.doneProjects;
  const projectWords = projects.length === 0 ? 'no projects' : `${projects.map(([count, state]) => `${String(count)} ${String(state)}`).join(', ')} ${total === 1 ? 'project' : 'projects'}`;
  const actions = `${counts.openActions} open ${counts.openActions === 1 ? 'action' : 'actions'}`;
  return `${projectWords}; ${actions}`;
}
