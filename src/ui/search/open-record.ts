import type { RecordKind } from '../../model/index.ts';
import { navigate } from '../shell/use-route.ts';
import { viewFor } from './capture.ts';
import { requestOpen } from './open-request.ts';

/**
 * Opens a record in the item panel: in the view on screen when it can (see
 * open-request.ts), else in the view that lists records of its kind.
 */
export function openRecord(id: string, kind: RecordKind): void {
  if (!requestOpen(id)) navigate(viewFor(kind));
}
