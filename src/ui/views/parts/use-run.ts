import { useCallback, useState } from 'react';
import type { Edit, Snapshot, Tasks } from '../../../model/index.ts';
import { describeError } from '../../item/describe-error.ts';

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
        setFeedback({ tone: 'error', text: describeError(error), id: nextId++ });
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
