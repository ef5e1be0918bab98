import { useMemo } from 'react';
import { problems, type Problem, type Snapshot } from '../../model/index.ts';
import { useGroupAdder } from '../items/group-adder.tsx';
import type { Run } from './parts/use-run.ts';

interface ProblemsViewProps {
  snapshot: Snapshot;
  run: Run;
  select: (id: string) => void;
  selectedId: string | undefined;
}

/**
 * Problems: what needs attention (files that could not be read, merge conflicts, broken links,
 * projects with no next action), in words. Clicking one opens its record. The shell has no
 * slot for an eighth view, so this is a section atop Process (and a count in the status bar);
 * nothing is rendered when all is well.
 */
export function ProblemsView({ snapshot, run, select, selectedId }: ProblemsViewProps) {
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
            <ProblemItem key={`${problem.kind}:${problem.id ?? problem.path ?? index}`} problem={problem} run={run} select={select} selectedId={selectedId} />
          ))}
        </ul>
      </details>
    </section>
  );
}

/** One problem; a project with no next action has "+" to add one (as CueKeeper's problem list does). */
function ProblemItem({ problem, run, select, selectedId }: { problem: Problem; run: Run; select: (id: string) => void; selectedId: string | undefined }) {
  const { id } = problem;
  const adder = problem.kind === 'no-next-action' && id !== undefined ? ({ kind: 'action', state: 'next', parent: id } as const) : undefined;
  const { button, form } = useGroupAdder(adder, 'Next actions', `problem-add:${id ?? ''}`, run);
  return (
    <li className={`problem kind-${problem.kind}`}>
      {id === undefined ? (
        <span className="problem-text">{problem.message}</span>
      ) : (
        <button type="button" className="problem-text" aria-current={id === selectedId ? 'true' : undefined} onClick={() => select(id)}>
          {problem.message}
        </button>
      )}
      {button}
      {form}
    </li>
  );
}
