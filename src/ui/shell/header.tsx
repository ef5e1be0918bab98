import type { Ref } from 'react';
import { InstallButton } from '../pwa/install-button.tsx';
import { SearchBox } from './search-box.tsx';
import { ThemeToggle } from './theme-toggle.tsx';

interface HeaderProps {
  query: string;
  /** When the box's text was typed, if it was kept from an earlier visit (a draft not added yet). */
  queryKeptSince: number | undefined;
  onQuery: (query: string) => void;
  searchRef: Ref<HTMLInputElement>;
  theme: 'light' | 'dark';
  onToggleTheme: () => void;
  onHelp: () => void;
}

/** The top bar: name, the search/capture slot, and install, theme and help buttons. */
export function Header({ query, queryKeptSince, onQuery, searchRef, theme, onToggleTheme, onHelp }: HeaderProps) {
  return (
    <header className="header">
      <a className="brand" href="#/work" aria-label="Taskgit, go to Work">
        <img src={`${import.meta.env.BASE_URL}icons/favicon-32.png`} alt="" width="24" height="24" />
        <span className="brand-name">Taskgit</span>
      </a>
      <SearchBox value={query} keptSince={queryKeptSince} onChange={onQuery} ref={searchRef} />
      <div className="header-actions">
        <InstallButton />
        <ThemeToggle theme={theme} onToggle={onToggleTheme} />
        <button type="button" className="icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" aria-keyshortcuts="?" onClick={onHelp}>
          <span aria-hidden="true">?</span>
        </button>
      </div>
    </header>
  );
}
