import { StoreError } from './errors.ts';
import type { Signature } from './objects/index.ts';
import type { CommitInfo } from './types.ts';

/** The author recorded when a change names none. */
export const DEFAULT_AUTHOR = { name: 'Taskgit', email: 'taskgit@localhost' } as const;

/** Git refuses `<`, `>` and line breaks in names and emails; drop them as git itself does. */
function clean(text: string): string {
  return text.replace(/[<>\n\r\0]/g, '').trim();
}

/** The signature of a change: who (defaulting to `fallback`) and when, in the local time zone. */
export function makeSignature(info: CommitInfo, fallback: { name: string; email: string } = DEFAULT_AUTHOR): Signature {
  const person = info.author ?? fallback;
  const date = info.date ?? new Date();
  if (Number.isNaN(date.getTime()) || date.getTime() < 0) {
    throw new StoreError('invalid-commit-info', `The commit date ${String(info.date)} is not a valid date after 1970.`, { date: String(info.date) });
  }
  return {
    name: clean(person.name) || DEFAULT_AUTHOR.name,
    email: clean(person.email),
    timestamp: Math.floor(date.getTime() / 1000),
    timezoneOffset: -date.getTimezoneOffset(),
  };
}

/** A commit message as git stores it: ends with exactly one newline. */
export function normalizeMessage(message: string): string {
  // Git refuses NUL in a message (fsck: nulInCommit); drop it as it drops `<>` from names.
  const trimmed = message.replaceAll('\0', '').replace(/\s+$/, '');
  return `${trimmed === '' ? '(no message)' : trimmed}\n`;
}
