/**
 * The keyboard shortcuts: ONE table that both the key handler and the help dialog read, and a
 * small pure matcher for key sequences such as `g w`. No DOM here beyond reading an event's
 * fields, so it is unit tested in Node.
 */
import { VIEWS, type ViewId } from './routes.ts';

/** What a shortcut does; the shell carries it out. */
export type ShortcutAction =
  | { type: 'go'; view: ViewId }
  | { type: 'focus-search' }
  | { type: 'help' }
  | { type: 'toggle-theme' }
  | { type: 'back-to-now' }
  | { type: 'undo' }
  | { type: 'first-row' };

/** One entry of the table. */
export interface Shortcut {
  /** Key sequences that trigger it, keys separated by spaces: `'g w'`, `'2'`, `'?'`. */
  readonly sequences: readonly string[];
  readonly description: string;
  readonly group: 'Go to' | 'General';
  readonly action: ShortcutAction;
}

/** Every shortcut of the app. */
export const SHORTCUTS: readonly Shortcut[] = [
  ...VIEWS.map(
    (view, index): Shortcut => ({
      sequences: [`g ${view.key}`, String(index + 1)],
      description: `Go to ${view.label}`,
      group: 'Go to',
      action: { type: 'go', view: view.id },
    }),
  ),
  { sequences: ['/'], description: 'Search or capture', group: 'General', action: { type: 'focus-search' } },
  { sequences: ['?'], description: 'Show keyboard shortcuts', group: 'General', action: { type: 'help' } },
  { sequences: ['t'], description: 'Switch between light and dark theme', group: 'General', action: { type: 'toggle-theme' } },
  { sequences: ['b'], description: 'Back to now (leave a past commit shown from History)', group: 'General', action: { type: 'back-to-now' } },
  { sequences: ['n'], description: 'Capture a new inbox action (type, then Enter)', group: 'General', action: { type: 'focus-search' } },
  { sequences: ['u'], description: 'Undo your last change on this device (also Ctrl+Z)', group: 'General', action: { type: 'undo' } },
  { sequences: ['j'], description: 'Go to the first row of the list (then the row keys below)', group: 'General', action: { type: 'first-row' } },
];

/** What one key press did: ran a shortcut, started or continued a sequence, or nothing. */
export type KeyOutcome = { kind: 'run'; action: ShortcutAction } | { kind: 'pending' } | { kind: 'none' };

/** Milliseconds allowed between the keys of a sequence. */
const SEQUENCE_TIMEOUT_MS = 1500;

/** Follows key presses through the table; keeps the keys of an unfinished sequence. */
export interface ShortcutMatcher {
  /** Feeds one key (an event's `key`) pressed at `now` (ms). */
  press(key: string, now: number): KeyOutcome;
  /** Forgets an unfinished sequence. */
  reset(): void;
}

/** A matcher over `table`; a sequence not finished within `timeoutMs` is dropped. */
export function createShortcutMatcher(table: readonly Shortcut[] = SHORTCUTS, timeoutMs = SEQUENCE_TIMEOUT_MS): ShortcutMatcher {
  const entries = table.flatMap((shortcut) => shortcut.sequences.map((sequence) => ({ keys: sequence.split(' '), action: shortcut.action })));
  let pending: string[] = [];
  let lastAt = -Infinity;

  const match = (keys: readonly string[]): KeyOutcome => {
    const exact = entries.find((entry) => sameKeys(entry.keys, keys));
    if (exact) return { kind: 'run', action: exact.action };
    const prefix = entries.some((entry) => entry.keys.length > keys.length && sameKeys(entry.keys.slice(0, keys.length), keys));
    return prefix ? { kind: 'pending' } : { kind: 'none' };
  };

  return {
    press(key, now) {
      if (now - lastAt > timeoutMs) pending = [];
      lastAt = now;
      let keys = [...pending, key];
      let outcome = match(keys);
      // A key that does not continue the sequence starts afresh: `g x 2` still goes to Work.
      if (outcome.kind === 'none' && pending.length > 0) {
        keys = [key];
        outcome = match(keys);
      }
      pending = outcome.kind === 'pending' ? keys : [];
      return outcome;
    },
    reset() {
      pending = [];
    },
  };
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** The fields of a keyboard event the handler reads. */
export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
  isComposing?: boolean;
}

/**
 * The key a shortcut handler should see, or `undefined` when the press is not for shortcuts:
 * a modifier is held (browser and OS shortcuts), text is being composed, or the focus is in a
 * field where the key is typing.
 */
export function shortcutKeyOf(event: KeyEventLike): string | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return undefined;
  if (isTypingTarget(event.target)) return undefined;
  return event.key;
}

/**
 * True for Ctrl+Z (Cmd+Z on a Mac) pressed outside a text field: undo the person's last change.
 * In a field it is the field's own undo of typing, and stays so.
 */
export function isUndoKey(event: KeyEventLike & { shiftKey?: boolean }): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.isComposing) return false;
  return event.key.toLowerCase() === 'z' && !isTypingTarget(event.target);
}

/** True for inputs, text areas, selects and editable content, where keys are text. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as { tagName?: unknown; isContentEditable?: unknown; type?: unknown } | null;
  if (!element || typeof element.tagName !== 'string') return false;
  if (element.isContentEditable === true) return true;
  const tag = element.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = typeof element.type === 'string' ? element.type : 'text';
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}

/** A sequence as words for people and screen readers: `'g w'` -> `['g', 'w']`. */
export function keysOf(sequence: string): string[] {
  return sequence.split(' ');
}
