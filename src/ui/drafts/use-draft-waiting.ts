import { useEffect, useState } from 'react';
import { readDraft, watchDraft } from './draft-store.ts';

/**
 * Whether text waits as a draft under any of `keys`: for the mark on what opens a closed form
 * ("Add context (draft)"), so a person knows what they typed is kept. Follows this page's writes.
 */
export function useDraftWaiting(...keys: string[]): boolean {
  const joined = keys.join('\n');
  const [waiting, setWaiting] = useState(() => anyWaiting(keys));
  useEffect(() => {
    const list = joined.split('\n');
    const look = (): void => setWaiting(anyWaiting(list));
    look();
    const stops = list.map((key) => watchDraft(key, look));
    return () => stops.forEach((stop) => stop());
  }, [joined]);
  return waiting;
}

function anyWaiting(keys: string[]): boolean {
  return keys.some((key) => (readDraft(key)?.text.trim() ?? '') !== '');
}
