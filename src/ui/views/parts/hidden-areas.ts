/**
 * The areas switched off in Work, kept in this browser's localStorage like the theme: a view
 * setting of this device, not a record (CueKeeper too keeps it per tab, outside the repository).
 */
import { useCallback, useState } from 'react';

const HIDDEN_AREAS_KEY = 'taskgit-work-hidden-areas';

function read(): Set<string> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(HIDDEN_AREAS_KEY) ?? '[]');
    return new Set(Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

/** The switched-off areas, and a toggle for one; remembered across visits. */
export function useHiddenAreas(): { hidden: ReadonlySet<string>; toggle: (id: string) => void; showAll: () => void } {
  const [hidden, setHidden] = useState(read);
  const save = useCallback((next: Set<string>) => {
    setHidden(next);
    try {
      localStorage.setItem(HIDDEN_AREAS_KEY, JSON.stringify([...next]));
    } catch {
      // storage full or off: the filter still applies for this visit
    }
  }, []);
  const toggle = useCallback(
    (id: string) => {
      const next = new Set(hidden);
      if (!next.delete(id)) next.add(id);
      save(next);
    },
    [hidden, save],
  );
  const showAll = useCallback(() => save(new Set()), [save]);
  return { hidden, toggle, showAll };
}
