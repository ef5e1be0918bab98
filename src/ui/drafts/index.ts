/** Drafts: what a person typed and has not saved, kept across reloads until saved or discarded. */
export { clearDraft, readDraft, writeDraft } from './draft-store.ts';
export type { Draft } from './draft-store.ts';
export { DraftNote } from './draft-note.tsx';
export { useDraft } from './use-draft.ts';
export type { DraftField } from './use-draft.ts';
export { useOnLeave } from './use-on-leave.ts';
export { useDraftWaiting } from './use-draft-waiting.ts';
export { DraftMark, draftLabel } from './draft-mark.tsx';
