import type { RecordKind } from '../../model/index.ts';
import { viewFromHash } from '../routes.ts';
import { showItems } from '../shell/use-route.ts';
import { viewFor } from './capture.ts';

/**
 * Opens a record in the item panel: beside the view on screen when it has a panel, else
 * beside the view that lists records of its kind. The route holds what is open.
 */
export function openRecord(id: string, kind: RecordKind): void {
  const current = viewFromHash(location.hash);
  showItems(current === 'history' || current === 'sync' ? viewFor(kind) : current, [id]);
}
