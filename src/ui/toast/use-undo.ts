import { useCallback, useEffect, useRef } from 'react';
import type { CommitEvent, Tasks } from '../../model/index.ts';
import type { Oid } from '../../store/index.ts';
import { describeError } from '../item/describe-error.ts';
import { useToasts, type ToastInput } from './toast-context.ts';

/** Undo and redo as the person asks for them, their outcomes on toasts. */
export interface UndoActions {
  /** Undoes `commitId`, or the person's last change on this device. */
  undo(commitId?: Oid): Promise<void>;
  /** Takes back the undo `undoId`. */
  redo(undoId: Oid): Promise<void>;
}

/**
 * Undo through `tasks` (the Tasks the views are given: while the past is shown it refuses, and
 * the toast says why). When there is nothing to undo, or the change was undone already, a toast
 * says so; a failure shows in words.
 */
export function useUndo(tasks: Tasks): UndoActions {
  const toasts = useToasts();
  const undo = useCallback(
    async (commitId?: Oid) => {
      try {
        const result = await tasks.undo(commitId);
        if (result.kind === 'nothing-to-undo') toasts.show({ text: 'Nothing to undo: no change of yours on this device since it opened.' });
        else if (result.kind === 'no-change') toasts.show({ text: `Nothing to undo: “${result.subject}” is undone already.` });
      } catch (error) {
        toasts.show({ tone: 'error', text: describeError(error) });
      }
    },
    [tasks, toasts],
  );
  const redo = useCallback(
    async (undoId: Oid) => {
      try {
        await tasks.redo(undoId);
      } catch (error) {
        toasts.show({ tone: 'error', text: describeError(error) });
      }
    },
    [tasks, toasts],
  );
  return { undo, redo };
}

/** The toast for a commit the person made: what it did, and the way back. */
function commitToast(event: CommitEvent, actions: UndoActions): ToastInput {
  if (event.kind === 'undo') return { text: `Undone: ${event.subject}`, action: { label: 'Redo', run: () => actions.redo(event.id) } };
  const text = event.kind === 'redo' ? `Redone: ${event.subject}` : event.subject;
  return { text, action: { label: 'Undo', run: () => actions.undo(event.id) } };
}

/** Shows a toast for every commit the person makes on `live` (with Undo), every undo (with Redo) and redo. */
export function useCommitToasts(live: Tasks, actions: UndoActions): void {
  const toasts = useToasts();
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => live.onCommit((event) => toasts.show(commitToast(event, latest.current))), [live, toasts]);
}
