import { formatWhen } from '../history/relative-time.ts';
import { useTimeTravel } from './time-travel-context.ts';

/** Across the app while a past commit is shown: which one, that it is read-only, and the way back. */
export function TimeTravelBanner() {
  const { viewing, backToNow } = useTimeTravel();
  if (!viewing) return null;
  const subject = viewing.commit.message.split('\n')[0] ?? '';
  return (
    <div className="time-travel-banner" role="status" data-testid="time-travel-banner">
      <svg className="time-travel-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path d="M3 12a9 9 0 1 0 3-6.7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        <path d="M3 4v4h4M12 7v5l3 2" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="time-travel-text">
        Viewing the state of <time dateTime={viewing.commit.date.toISOString()}>{formatWhen(viewing.commit.date)}</time> — “{subject}”. Read-only.
      </span>
      <button type="button" className="button primary" onClick={backToNow} aria-keyshortcuts="b">
        Back to now
      </button>
    </div>
  );
}
