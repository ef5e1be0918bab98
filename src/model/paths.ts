import type { RecordKind } from './types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True for the lowercase UUIDs the app uses as record ids. */
export function isRecordId(id: string): boolean {
  return UUID.test(id);
}

/**
 * Where a record lives in the repository: items sharded by the id's first two hex digits, so no
 * folder grows past a few hundred entries; contacts and contexts (few) in one folder each.
 */
export function recordPath(kind: RecordKind, id: string): string {
  switch (kind) {
    case 'contact':
      return `contacts/${id}.json`;
    case 'context':
      return `contexts/${id}.json`;
    default:
      return `items/${id.slice(0, 2)}/${id}.json`;
  }
}

/** The folders records live in. */
export const RECORD_FOLDERS = { items: 'items', contacts: 'contacts', contexts: 'contexts' } as const;

/** The id a record path names, or `undefined` for a path that is not a record's. */
export function idFromPath(path: string): string | undefined {
  const match = /^(?:items\/[0-9a-f]{2}|contacts|contexts)\/([^/]+)\.json$/.exec(path);
  return match && isRecordId(match[1] as string) ? match[1] : undefined;
}
