import { useCallback, useRef, useState } from 'react';
import { UpdatePrompt } from '../pwa/update-prompt.tsx';
import type { ShortcutAction } from '../shortcuts.ts';
import { useSnapshot, useTasks } from '../tasks/tasks-context.ts';
import { VIEW_COMPONENTS } from '../views/index.ts';
import { Header } from './header.tsx';
import { HelpDialog } from './help-dialog.tsx';
import { ItemPanel } from './item-panel.tsx';
import { Nav } from './nav.tsx';
import { StatusBar } from './status-bar.tsx';
import { navigate, useRoute } from './use-route.ts';
import { useShortcuts } from './use-shortcuts.ts';
import { useTheme } from './use-theme.ts';

/** The frame around the views: header, nav, the current view, the item panel, the status bar. */
export function Shell() {
  const tasks = useTasks();
  const snapshot = useSnapshot();
  const view = useRoute();
  const theme = useTheme();
  const [query, setQuery] = useState('');
  // A selection belongs to the view it was made in: switching views closes the item panel.
  const [selection, setSelection] = useState<{ view: string; id: string }>();
  const [helpOpen, setHelpOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const mainRef = useRef<HTMLElement>(null);

  const onAction = useCallback(
    (action: ShortcutAction) => {
      if (action.type === 'go') navigate(action.view);
      else if (action.type === 'focus-search') searchRef.current?.focus();
      else if (action.type === 'help') setHelpOpen((open) => !open);
      else theme.toggle();
    },
    [theme],
  );
  useShortcuts(onAction);

  const View = VIEW_COMPONENTS[view];
  const selectedId = selection?.view === view ? selection.id : undefined;
  const select = useCallback((id: string | undefined) => setSelection(id === undefined ? undefined : { view, id }), [view]);
  const hasSelection = selectedId !== undefined && snapshot.records.has(selectedId);
  return (
    <div className={`app${hasSelection ? ' has-selection' : ''}`}>
      <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
        Skip to the view
      </button>
      <Header query={query} onQuery={setQuery} searchRef={searchRef} theme={theme.theme} onToggleTheme={theme.toggle} onHelp={() => setHelpOpen(true)} />
      <Nav current={view} />
      <div className="workspace">
        <main id="main" ref={mainRef} tabIndex={-1} className="main">
          <View snapshot={snapshot} tasks={tasks} query={query} selectedId={selectedId} select={select} />
        </main>
        <ItemPanel snapshot={snapshot} selectedId={selectedId} onClose={() => select(undefined)} />
      </div>
      <StatusBar snapshot={snapshot} />
      <UpdatePrompt />
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
