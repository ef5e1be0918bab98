import { addDays, markReviewed, todayOf, updateRecord, type ActionRecord, type AnyRecord, type ProjectRecord } from '../../model/index.ts';
import { describeDay, reviewedWords, stampWords } from '../views/parts/describe-day.ts';
import { CommandError } from './command-error.tsx';
import { DayField } from './day-field.tsx';
import { useCommand } from './use-command.ts';

/** An action's or project's deadline: the day it must be done by, apart from when it starts. */
export function DeadlineField({ item }: { item: ActionRecord | ProjectRecord }) {
  const { run, error, fail } = useCommand();
  const today = todayOf(new Date());
  const set = (deadline: string | null): Promise<boolean> => run((s) => updateRecord(s, item.id, { deadline }, new Date()));
  return (
    <div className="item-deadline">
      <DayField
        key={item.deadline ?? 'none'}
        label="Deadline"
        value={item.deadline}
        initial={addDays(today, 7)}
        submitLabel={item.deadline ? 'Change deadline' : 'Set deadline'}
        onCommit={(day) => set(day)}
        onInvalid={fail}
      />
      {item.deadline !== undefined && (
        <p className="item-inline">
          <span className="hint">Must be done by {describeDay(item.deadline, today).long}.</span>
          <button type="button" className="button small" onClick={() => void set(null)}>
            No deadline
          </button>
        </p>
      )}
      <CommandError error={error} />
    </div>
  );
}

/** A project's last weekly review, and "Mark reviewed". */
export function ProjectReviewed({ project }: { project: ProjectRecord }) {
  const { run, error } = useCommand();
  return (
    <div className="item-inline item-reviewed">
      <span className="hint">{capitalize(reviewedWords(project, todayOf(new Date())))}.</span>
      <button type="button" className="button small" onClick={() => void run((s) => markReviewed(s, project.id, new Date()))}>
        Mark reviewed
      </button>
      <CommandError error={error} />
    </div>
  );
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** When the record was created (captured): "Created Fri 4 Dec, 10:32", in the person's format. */
export function CreatedLine({ record }: { record: AnyRecord }) {
  const day = stampWords(record.created, todayOf(new Date()));
  if (day === undefined) return null;
  return (
    <p className="hint item-created">
      Created {day}, {timeFormat.format(new Date(record.created))}
    </p>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
