/**
 * The mark on a button that opens a closed form holding a draft: " (draft)" after a word
 * button's label, a dot on an icon button (whose label then ends in " (draft)", see
 * {@link draftLabel}). Nothing when no draft waits.
 */
export function DraftMark({ waiting, icon = false }: { waiting: boolean; icon?: boolean }) {
  if (!waiting) return null;
  if (icon) return <span className="draft-dot" aria-hidden="true" />;
  return <span className="draft-mark"> (draft)</span>;
}

/** A button's label and title with the draft said: `Add to Next (draft)`. */
export function draftLabel(label: string, waiting: boolean): string {
  return waiting ? `${label} (draft)` : label;
}
