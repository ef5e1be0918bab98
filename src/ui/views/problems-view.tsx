import { useMemo } from 'react';
import { problems, type Problem, type Snapshot } from '../../model/index.ts';

interface ProblemsViewProps {
  snapshot: Snapshot;
  select: (id: string) => void;
  selectedId: string | undefined;
}

/**
 * Problems: what needs attention (files that could not be read, merge conflicts, broken links,
 * projects with no next action), in words. Clicking one opens its record. The shell has no
 * slot for an eighth view, so this is a section atop Process (and a count in the status bar);
 * nothing is rendered when all is well.
 */
export function ProblemsView({ snapshot, select, selectedId }: ProblemsViewProps) {
  const list = useMemo(() => problems(snapshot), [snapshot]);
  if (list.length === 0) return null;
  return (
    <section className="problems" aria-labelledby="problems-title" data-view="problems">
      <details open>
        <summary>
          <h2 id="problems-title" className="group-title">
            Problems <span className="count-badge warn">{list.length}</span>
          </h2>
        </summary>
        <ul className="problem-list">
          {list.map((problem, index) => (
            <ProblemItem key={`${problem.kind}:${problem.id ?? problem.path ?? index}`} problem={problem} select={select} selectedId={selectedId} />
          ))}
        </ul>
      </details>
    </section>
  );
}

function ProblemItem({ problem, select, selectedId }: { problem: Problem; select: (id: string) => void; selectedId: string | undefined }) {
  const { id } = problem;
  return (
    <li className={`problem kind-${problem.kind}`}>
      {id === undefined ? (
        <span className="problem-text">{problem.message}</span>
      ) : (
        <button type="button" className="problem-text" aria-current={id === selectedId ? 'true' : undefined} onClick={() => select(id)}>
          {problem.message}
        </button>
      )}
    </li>
  );
}
