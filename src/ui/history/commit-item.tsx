import { useId } from 'react';
import type { Commit, Tasks } from '../../model/index.ts';
import { CommitChanges } from './commit-changes.tsx';
import { bodyOf, shortId, subjectOf } from './commit-words.ts';
import { formatWhen, relativeTime } from './relative-time.ts';

/** Props of {@link CommitItem}. */
export interface CommitItemProps {
  commit: Commit;
  /** The live repository, to read the commit's changes from. */
  tasks: Tasks;
  now: Date;
  expanded: boolean;
  onToggle(): void;
  /** True when the app shows this commit (time travel). */
  viewing: boolean;
  /** True while this commit is being loaded to be shown. */
  opening: boolean;
  /** True while the app shows any past commit: nothing may be written. */
  readOnly: boolean;
  onView(commit: Commit): void;
  onBackToNow(): void;
  onRevert(commit: Commit): void;
}

/** One commit of History: its message, author and dates; expanded, its changes and actions. */
export function CommitItem(props: CommitItemProps) {
  const { commit, expanded, viewing } = props;
  const detailsId = useId();
  const merge = commit.parents.length > 1;
  const body = bodyOf(commit);
  return (
    <li className={`commit${expanded ? ' expanded' : ''}${viewing ? ' viewing' : ''}`} data-commit={commit.id}>
      <button type="button" className="commit-toggle" aria-expanded={expanded} aria-controls={detailsId} onClick={props.onToggle}>
        <span className="commit-chevron" aria-hidden="true">
          ›
        </span>
        <span className="commit-subject">{subjectOf(commit)}</span>
        {merge && (
          <span className="commit-badge merge" title={`A merge of ${commit.parents.length} histories`}>
            Merge
          </span>
        )}
        {viewing && <span className="commit-badge viewing">Shown</span>}
      </button>
      <p className="commit-meta">
        <span className="commit-author">{commit.author.name}</span>
        <span aria-hidden="true"> · </span>
        <time dateTime={commit.date.toISOString()} title={formatWhen(commit.date)}>
          {relativeTime(commit.date, props.now)}
        </time>
        <span className="commit-date">
          <span aria-hidden="true"> · </span>
          {formatWhen(commit.date)}
        </span>
        <span aria-hidden="true"> · </span>
        <code title={commit.id}>{shortId(commit.id)}</code>
      </p>
      {expanded && (
        <div id={detailsId} className="commit-details">
          {body && <pre className="commit-body">{body}</pre>}
          {merge && (
            <p className="muted commit-merge-note">
              Merges <code>{shortId(commit.parents[1] ?? '')}</code> into <code>{shortId(commit.parents[0] ?? '')}</code>. Below: what it brought in.
            </p>
          )}
          {commit.parents.length === 0 && <p className="muted commit-merge-note">The first commit.</p>}
          <CommitChanges tasks={props.tasks} commit={commit} />
          <div className="button-row commit-actions">
            {viewing ? (
              <button type="button" className="button" onClick={props.onBackToNow}>
                Back to now
              </button>
            ) : (
              <button type="button" className="button" disabled={props.opening} onClick={() => props.onView(commit)}>
                {props.opening ? 'Opening…' : 'View the app at this commit'}
              </button>
            )}
            <button
              type="button"
              className="button"
              disabled={props.readOnly}
              title={props.readOnly ? 'Go back to now to revert a change' : undefined}
              onClick={() => props.onRevert(commit)}
            >
              Revert this change…
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
