import { useEffect, useRef } from 'react';

/**
 * Calls the latest `onLeave` when the component goes away (another item is opened, the panel
 * closes, the view changes): the way a field saves what it holds when the person moves on.
 */
export function useOnLeave(onLeave: () => void): void {
  const latest = useRef(onLeave);
  useEffect(() => {
    latest.current = onLeave;
  });
  useEffect(() => () => latest.current(), []);
}
