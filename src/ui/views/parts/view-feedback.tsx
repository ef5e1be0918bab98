import type { Feedback } from './use-run.ts';

/**
 * What the last command said: a polite status for what was done, an alert for what failed.
 * The status region is always in the page, so screen readers announce what appears in it.
 */
export function ViewFeedback({ feedback, onDismiss }: { feedback: Feedback | undefined; onDismiss: () => void }) {
  const error = feedback?.tone === 'error' ? feedback : undefined;
  const ok = feedback?.tone === 'ok' ? feedback : undefined;
  return (
    <>
      <p className="view-status" role="status" aria-live="polite">
        {ok?.text}
      </p>
      {error && (
        <div className="banner error" role="alert" key={error.id}>
          <span>{error.text}</span>
          <button type="button" className="button" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
