import { useCallback, useMemo, useRef, useState } from 'react';
import { useDraft } from '../drafts/index.ts';
import { UpdatePrompt } from '../pwa/update-prompt.tsx';
import type { ShortcutAction } from '../shortcuts.ts';
import { WelcomePanel } from '../data/welcome-panel.tsx';
import { useSnapshot, useTasks } from '../tasks/tasks-context.ts';
import { TimeTravelBanner } from '../time-travel/time-travel-banner.tsx';
import { useTimeTravel } from '../time-travel/time-travel-context.ts';
import { TimeTravelProvider } from '../time-travel/time-travel-provider.tsx';
import '../styles/history.css';
import { VIEW_COMPONENTS } from '../views/index.ts';
import { Header } from './header.tsx';
import { focusFirstRow } from '../rows/focus-rows.ts';
import { HelpDialog } from './help-dialog.tsx';
import { ItemPanel } from './item-panel.tsx';
import { Nav } from './nav.tsx';
import { StatusBar } from './status-bar.tsx';
import { navigate, showItems, useOpenItems, useRoute } from './use-route.ts';
import { useShortcuts } from './use-shortcuts.ts';
import { useTheme } from './use-theme.ts';
import { useCommitToasts, useUndo } from '../toast/use-undo.ts';

/**
 * The frame around the views: header, nav, the current view, the item panel, the status bar.
 * Inside time travel's provider: while History shows a past commit, everything here (views,
 * item panel, status bar) shows that commit read-only, under a banner with the way back.
 */
export function Shell() {
  return (
    <TimeTravelProvider>
      <ShellFrame />
    </TimeTravelProvider>
  );
}

function ShellFrame() {
  const tasks = useTasks();
  const snapshot = useSnapshot();
  const timeTravel = useTimeTravel();
  const { backToNow } = timeTravel;
  const view = useRoute();
  const theme = useTheme();
  // The capture box's text is a draft too: a reload or a closed tab keeps it.
  const capture = useDraft('capture');
  const query = capture.text ?? '';
  const { set: keepCapture, clear: clearCapture } = capture;
  const setQuery = useCallback((text: string) => (text ? keepCapture(text) : clearCapture()), [keepCapture, clearCapture]);
  // What is open beside the view lives in the route (`#/work/<id>/<id>`): a view's own, closed
  // by switching views, kept by a reload, and Back closes what was opened last.
  const open = useOpenItems();
  const [helpOpen, setHelpOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  // Every change the person makes shows on a toast with Undo (through the Tasks the views are
  // given, so undo refuses while the past is shown); `u` and Ctrl+Z undo the last one.
  const undoActions = useUndo(tasks);
  useCommitToasts(timeTravel.live, undoActions);
  const { undo } = undoActions;

  const onAction = useCallback(
    (action: ShortcutAction) => {
      if (action.type === 'go') navigate(action.view);
      else if (action.type === 'focus-search') searchRef.current?.focus();
      else if (action.type === 'help') setHelpOpen((open) => !open);
      else if (action.type === 'back-to-now') backToNow();
      else if (action.type === 'undo') void undo();
      else if (action.type === 'first-row') focusFirstRow(mainRef.current);
      else theme.toggle();
    },
    [theme, backToNow, undo],
  );
  useShortcuts(onAction);

  const View = VIEW_COMPONENTS[view];
  const openIds = useMemo(() => (open === '' ? [] : open.split('/')), [open]);
  const selectedId = openIds.at(-1);
  // A list's click shows one item (moving along a list replaces it, so Back is not a trail).
  const select = useCallback((id: string | undefined) => showItems(view, id === undefined ? openIds.slice(0, -1) : [id], id !== undefined && openIds.length > 0), [view, openIds]);
  // From inside the panel (what an item holds, its breadcrumbs): open beside, on top of the stack.
  const openBeside = useCallback((id: string) => showItems(view, [...openIds.filter((each) => each !== id), id]), [view, openIds]);
  const closeItem = useCallback((id: string) => showItems(view, openIds.filter((each) => each !== id)), [view, openIds]);
  const hasSelection = selectedId !== undefined && snapshot.records.has(selectedId);
  const past = timeTravel.viewing !== undefined;
  // First run: no commit yet (not even another tab's or a sync's). Sync stays clear of it, for
  // a device that is about to pull its tasks from a remote.
  const welcome = !past && snapshot.head === undefined && view !== 'sync';
  return (
    <div className={`app${hasSelection ? ' has-selection' : ''}${past ? ' time-travel' : ''}`}>
      <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
        Skip to the view
      </button>
      <Header query={query} queryKeptSince={capture.keptSince} onQuery={setQuery} searchRef={searchRef} theme={theme.theme} onToggleTheme={theme.toggle} onHelp={() => setHelpOpen(true)} />
      <Nav current={view} />
      <TimeTravelBanner />
      <div className="workspace">
        <main id="main" ref={mainRef} tabIndex={-1} className="main">
          {welcome && <WelcomePanel />}
          <View snapshot={snapshot} tasks={tasks} query={query} selectedId={selectedId} select={select} />
        </main>
        <ItemPanel snapshot={snapshot} openIds={openIds} onClose={closeItem} onSelect={openBeside} />
      </div>
      <StatusBar snapshot={snapshot} />
      <UpdatePrompt />
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
