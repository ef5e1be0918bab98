import { useCallback } from 'react';
import { quoteName, type AnyRecord } from '../../model/index.ts';
import { clearDraft, readDraft } from '../drafts/index.ts';
import { useTasks } from '../tasks/tasks-context.ts';
import { useToasts } from '../toast/toast-context.ts';
import { describeError } from './describe-error.ts';
import type { Command } from './use-command.ts';

/** Commits the draft `text` kept under `key` with `command`, after its field has gone. */
export type SaveOnLeave = (key: string, record: AnyRecord, command: Command, text: string) => void;

/**
 * Saving what a field held when it went away (another item opened, the panel closed). The
 * draft leaves once saved; when the save fails, it stays (and a toast says so), except when
 * the record itself is gone: then it waits quietly in case the record comes back (an undo).
 */
export function useSaveOnLeave(): SaveOnLeave {
  const tasks = useTasks();
  const toasts = useToasts();
  return useCallback(
    (key, record, command, text) => {
      Promise.resolve()
        .then(() => tasks.run(command))
        .then(
          () => {
            if (readDraft(key)?.text === text) clearDraft(key);
          },
          (error: unknown) => {
            if (!tasks.snapshot.records.has(record.id)) return;
            toasts.show({ tone: 'error', text: `What you typed in ${quoteName(record.name)} is kept as a draft: ${describeError(error)}` });
          },
        );
    },
    [tasks, toasts],
  );
}
