import type { Ref } from 'react';

/**
 * The header's search / quick-capture box. A slot for now: it holds the query the views get as
 * `query`; capture on Enter and search results are for the views to add.
 */
export function SearchBox({ value, onChange, ref }: { value: string; onChange: (value: string) => void; ref?: Ref<HTMLInputElement> }) {
  return (
    <form className="search" role="search" onSubmit={(event) => event.preventDefault()}>
      <label htmlFor="search-input" className="visually-hidden">
        Search or capture
      </label>
      <input
        id="search-input"
        ref={ref}
        type="search"
        value={value}
        placeholder="Search or capture…"
        autoComplete="off"
        aria-keyshortcuts="/"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') event.currentTarget.blur();
        }}
      />
      <kbd className="search-hint" aria-hidden="true">
        /
      </kbd>
    </form>
  );
}
