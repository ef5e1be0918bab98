import { Fragment } from 'react';
import { ROW_SHORTCUTS } from '../rows/row-shortcuts.ts';

const KEY_WORDS: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑' };

/** The help dialog's list of the row keys (rows/row-shortcuts.ts) and the search box's keys. */
export function RowKeysHelp() {
  return (
    <>
      <section aria-label="On a list row">
        <h3>On a list row (its name focused)</h3>
        <table className="shortcut-table">
          <tbody>
            {ROW_SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.command}>
                <td>
                  {shortcut.keys.map((key, i) => (
                    <Fragment key={key}>
                      {i > 0 && <span className="muted"> or </span>}
                      <kbd>{KEY_WORDS[key] ?? key}</kbd>
                    </Fragment>
                  ))}
                </td>
                <td>{shortcut.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-label="In the search box">
        <h3>In the search box</h3>
        <table className="shortcut-table">
          <tbody>
            <tr>
              <td>
                <kbd>Enter</kbd>
              </td>
              <td>Open the highlighted match; with no match, capture the text in the inbox</td>
            </tr>
            <tr>
              <td>
                <kbd>Shift</kbd>+<kbd>Enter</kbd>
              </td>
              <td>Always capture the text in the inbox</td>
            </tr>
            <tr>
              <td>
                <kbd>Esc</kbd>
              </td>
              <td>Clear the box and leave it (Undo brings the text back)</td>
            </tr>
          </tbody>
        </table>
      </section>
    </>
  );
}
