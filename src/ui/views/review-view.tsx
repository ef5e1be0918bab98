import { useState } from 'react';
import { reviewView, type ReviewMode } from '../../model/index.ts';
import { ReviewDonePage } from './parts/review-done-page.tsx';
import { ReviewAreasPage } from './parts/review-areas-page.tsx';
import { ReviewEverythingPage, ReviewFuturePage, ReviewWaitingPage } from './parts/review-pages.tsx';
import { ReviewTabs } from './parts/review-tabs.tsx';
import { WeeklyReviewCard } from './parts/weekly-review-card.tsx';
import { useRun } from './parts/use-run.ts';
import { useToday } from './parts/use-today.ts';
import { ViewFeedback } from './parts/view-feedback.tsx';
import { ViewHeading } from './parts/view-heading.tsx';
import type { ViewProps } from './view-props.ts';

/** Review: the weekly review, one page at a time (done, waiting, future and someday, areas, everything). */
export function ReviewView({ snapshot, tasks, select, selectedId }: ViewProps) {
  const [mode, setMode] = useState<ReviewMode>('done');
  const today = useToday();
  const { run, feedback, dismiss } = useRun(tasks);
  const rowProps = { snapshot, today, run, select, selectedId };
  const page = (() => {
    switch (mode) {
      case 'done':
        return <ReviewDonePage page={reviewView(snapshot, 'done')} {...rowProps} />;
      case 'waiting':
        return <ReviewWaitingPage page={reviewView(snapshot, 'waiting')} {...rowProps} />;
      case 'future':
        return <ReviewFuturePage page={reviewView(snapshot, 'future')} {...rowProps} />;
      case 'areas':
        return <ReviewAreasPage page={reviewView(snapshot, 'areas')} {...rowProps} />;
      case 'everything':
        return <ReviewEverythingPage page={reviewView(snapshot, 'everything')} {...rowProps} />;
    }
  })();
  return (
    <section className="view-section" aria-labelledby="view-title" data-view="review">
      <ViewHeading title="Review" purpose="The weekly review: look over each page, tidy up, decide again." />
      <ViewFeedback feedback={feedback} onDismiss={dismiss} />
      <WeeklyReviewCard {...rowProps} onShowProjects={() => setMode('areas')} />
      <ReviewTabs mode={mode} onChange={setMode} />
      <div role="tabpanel" id="review-panel" aria-labelledby={`review-tab-${mode}`} className="tab-panel" tabIndex={0}>
        {page}
      </div>
    </section>
  );
}
