import { useRef, type KeyboardEvent } from 'react';
import { REVIEW_MODES, type ReviewMode } from '../../../model/index.ts';

/** The label of each page of the weekly review. */
const REVIEW_LABELS: Record<ReviewMode, string> = {
  done: 'Done',
  waiting: 'Waiting',
  future: 'Future & someday',
  areas: 'Areas',
  everything: 'Everything',
};

/** The review's pages as tabs (WAI-ARIA tabs: Left and Right move between them, Home and End jump). */
export function ReviewTabs({ mode, onChange }: { mode: ReviewMode; onChange: (mode: ReviewMode) => void }) {
  const refs = useRef(new Map<ReviewMode, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent): void => {
    const at = REVIEW_MODES.indexOf(mode);
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    let next: ReviewMode | undefined;
    if (step !== undefined) next = REVIEW_MODES[(at + step + REVIEW_MODES.length) % REVIEW_MODES.length];
    else if (event.key === 'Home') next = REVIEW_MODES[0];
    else if (event.key === 'End') next = REVIEW_MODES[REVIEW_MODES.length - 1];
    if (next === undefined) return;
    event.preventDefault();
    onChange(next);
    refs.current.get(next)?.focus();
  };
  return (
    <div role="tablist" aria-label="Review pages" className="tabs" onKeyDown={onKeyDown}>
      {REVIEW_MODES.map((each) => (
        <button
          key={each}
          ref={(element) => {
            if (element) refs.current.set(each, element);
          }}
          type="button"
          role="tab"
          id={`review-tab-${each}`}
          aria-selected={each === mode}
          aria-controls="review-panel"
          tabIndex={each === mode ? 0 : -1}
          className="tab"
          onClick={() => onChange(each)}
        >
          {REVIEW_LABELS[each]}
        </button>
      ))}
    </div>
  );
}
