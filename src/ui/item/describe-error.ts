import { isModelError } from '../../model/index.ts';

/**
 * An error a command raised, in words for the person: a ModelError's message is written for
 * them already; anything else (storage failing, say) says the change was not saved.
 */
export function describeError(error: unknown): string {
  if (isModelError(error)) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `The change could not be saved: ${detail || 'unknown error'}.`;
}
