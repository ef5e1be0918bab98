import { isModelError } from '../../model/index.ts';

/**
 * An error a command raised, in words for the person: a ModelError's message is written for
 * them already; anything else (storage failing, say) says the change was not saved, and why.
 */
export function describeError(error: unknown): string {
  if (isModelError(error)) return error.message;
  // Chromium's QuotaExceededError has an empty message: say what it means and what to do.
  if (error instanceof Error && error.name === 'QuotaExceededError') {
    return 'Could not save the change: the storage this browser gives Taskgit is full. Earlier changes are safe; free some disk space or remove other sites’ data, then try again.';
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `Could not save the change: ${detail || 'unknown error'}.`;
}
