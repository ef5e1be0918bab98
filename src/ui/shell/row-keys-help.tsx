import { ROW_SHORTCUTS } from '../rows/row-shortcuts.ts';
import { ShortcutTable, type ShortcutRow } from './shortcut-table.tsx';

const KEY_WORDS: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑' };

const ROW_KEYS: ShortcutRow[] = ROW_SHORTCUTS.map((shortcut) => ({
  id: shortcut.command,
  choices: shortcut.keys.map((key) => <kbd key={key}>{KEY_WORDS[key] ?? key}</kbd>),
  description: shortcut.description,
}));

const SEARCH_KEYS: ShortcutRow[] = [
  { id: 'open', choices: [<kbd key="enter">Enter</kbd>], description: 'Open the highlighted match; with no match, capture the text in the inbox' },
  {
    id: 'capture',
    choices: [
      <span key="shift-enter">
        <kbd>Shift</kbd>+<kbd>Enter</kbd>
      </span>,
    ],
    description: 'Always capture the text in the inbox',
  },
  { id: 'clear', choices: [<kbd key="esc">Esc</kbd>], description: 'Clear the box and leave it (Undo brings the text back)' },
];

/** The help dialog's list of the row keys (rows/row-shortcuts.ts) and the search box's keys. */
export function RowKeysHelp() {
  return (
    <>
      <ShortcutTable label="On a list row" heading="On a list row (its name focused)" rows={ROW_KEYS} />
      <ShortcutTable label="In the search box" rows={SEARCH_KEYS} />
    </>
  );
}
