import { useCallback, useState } from 'react';
import { isModelError, type Edit, type Snapshot, type Tasks } from '../../../model/index.ts';

/** A model command: the current snapshot in, one commit's worth of changes out. */
export type Command = (snapshot: Snapshot) => Edit;

/**
 * Commits what `command` returns; on success shows `success` (when given), on failure the
 * reason in words. Resolves to whether it was saved.
 */
export type Run = (command: Command, success?: string) => Promise<boolean>;

/** What the last command said. `id` changes with every message, so the same words are announced again. */
export interface Feedback {
  tone: 'ok' | 'error';
  text: string;
  id: number;
}

/** The reason a command failed, in words: the model's own message, or what storage said. */
export function errorText(error: unknown): string {
  if (isModelError(error)) return error.message;
  return `Could not save the change: ${error instanceof Error ? error.message : String(error)}`;
}

let nextId = 1;

/** A view's way to change things: `run(command)` through `tasks.run`, and the feedback to show. */
export function useRun(tasks: Tasks): { run: Run; feedback: Feedback | undefined; dismiss: () => void } {
  const [feedback, setFeedback] = useState<Feedback>();
  const run = useCallback<Run>(
    async (command, success) => {
      try {
        await tasks.run(command);
        setFeedback(success === undefined ? undefined : { tone: 'ok', text: success, id: nextId++ });
        return true;
      } catch (error) {
        setFeedback({ tone: 'error', text: errorText(error), id: nextId++ });
        return false;
      }
    },
    [tasks],
  );
  const dismiss = useCallback(() => setFeedback(undefined), []);
  return { run, feedback, dismiss };
}

/** A fresh record id for `createRecord`. */
export const newId = (): string => crypto.randomUUID();
