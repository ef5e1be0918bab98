import { useCallback, useState } from 'react';
import type { Edit, Snapshot } from '../../model/index.ts';
import { useTasks } from '../tasks/tasks-context.ts';
import { describeError } from './describe-error.ts';

/** A model command: the current snapshot in, one commit's worth of changes out. */
export type Command = (snapshot: Snapshot) => Edit;

/** What {@link useCommand} gives a control. */
export interface CommandRunner {
  /** Commits what `command` returns; true when it did, false (and `error` set) when it failed. */
  run(command: Command): Promise<boolean>;
  /** Shows `message` as the error without running anything (a guard said no). */
  fail(message: string): void;
  /** The last failure, in words; cleared by the next success. */
  error: string | undefined;
}

/**
 * Runs model commands for one part of the item panel and keeps their failures as words to
 * show beside it (a ModelError never reaches the error boundary).
 */
export function useCommand(): CommandRunner {
  const tasks = useTasks();
  const [error, setError] = useState<string>();
  const run = useCallback(
    async (command: Command): Promise<boolean> => {
      try {
        await tasks.run(command); // a command throws synchronously; inside `try` all the same
        setError(undefined);
        return true;
      } catch (failure) {
        setError(describeError(failure));
        return false;
      }
    },
    [tasks],
  );
  return { run, fail: setError, error };
}
