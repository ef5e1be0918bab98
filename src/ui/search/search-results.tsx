import type { SearchResult } from '../../model/index.ts';

/** Id of the results list, for the search box's `aria-controls`. */
export const RESULTS_ID = 'search-results';

/** The id of the option at `index`, for `aria-activedescendant`. */
export const optionId = (index: number): string => `search-option-${index}`;

/**
 * The matches under the search box: a listbox of names, each with its kind and, when the
 * description matched, a snippet of it. The box keeps the focus (options are pointed at with
 * `aria-activedescendant`); a click opens a match.
 */
export function SearchResults({ hits, highlighted, onOpen }: { hits: SearchResult[]; highlighted: number; onOpen: (hit: SearchResult) => void }) {
  return (
    <ul id={RESULTS_ID} role="listbox" aria-label="Matches" className="search-results">
      {hits.map((hit, index) => (
        <li
          key={hit.id}
          id={optionId(index)}
          role="option"
          aria-selected={index === highlighted}
          className="search-option"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onOpen(hit)}
        >
          <span className="option-name">{hit.name}</span> <span className="option-kind">{hit.kind}</span>
          {hit.snippet && <span className="option-snippet">{hit.snippet}</span>}
        </li>
      ))}
    </ul>
  );
}
