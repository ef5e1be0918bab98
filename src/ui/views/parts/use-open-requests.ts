import { useEffect } from 'react';
import { registerOpener } from '../../search/open-request.ts';

/** Lets the header's search box open records in this view's item panel (see search/open-request.ts). */
export function useOpenRequests(select: (id: string | undefined) => void): void {
  useEffect(() => registerOpener((id) => select(id)), [select]);
}
