import { clockTime } from '../sync-words.ts';

/**
 * The mark on a field whose text was kept from an earlier visit and is not saved yet: "Draft
 * from 14:05, not saved yet." and what saves it.
 */
export function DraftNote({ since, howToSave, id }: { since: number | undefined; howToSave: string; id?: string }) {
  if (since === undefined) return null;
  return (
    <p className="draft-note" data-testid="draft-note" id={id}>
      <strong>Draft from {clockTime(since)}, not saved yet.</strong> {howToSave}
    </p>
  );
}
