import { Fragment, type ReactNode } from 'react';

/** One shortcut: the key choices that do it (any one works) and what it does. */
export interface ShortcutRow {
  id: string;
  choices: ReactNode[];
  description: string;
}

/** A section of the help dialog: a heading and a table of shortcuts, each row's choices joined by "or". */
export function ShortcutTable({ label, heading = label, rows }: { label: string; heading?: string; rows: ShortcutRow[] }) {
  return (
    <section aria-label={label}>
      <h3>{heading}</h3>
      <table className="shortcut-table">
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                {row.choices.map((choice, i) => (
                  <Fragment key={i}>
                    {i > 0 && <span className="muted"> or </span>}
                    {choice}
                  </Fragment>
                ))}
              </td>
              <td>{row.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
