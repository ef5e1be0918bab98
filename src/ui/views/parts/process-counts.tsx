import type { StateCounts } from '../../../model/index.ts';

/** How much there is, at a glance: "Inbox 3 · Next 12 · Waiting 2 · Scheduled 4 · Someday 6 · Active projects 5". */
export function ProcessCounts({ counts }: { counts: StateCounts }) {
  const a = counts.actions;
  const entries: Array<[string, number]> = [
    ['Inbox', a.inbox],
    ['Next', a.next],
    ['Waiting', a.waiting + a['waiting-for-contact']],
    ['Scheduled', a.scheduled],
    ['Someday', a.future + counts.projects.someday],
    ['Active projects', counts.projects.active],
  ];
  return (
    <dl className="stat-line" aria-label="Counts">
      {entries.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
