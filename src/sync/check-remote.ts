import type { Oid } from '../store/index.ts';
import { toSyncError, type SyncError } from './errors.ts';
import { parseRefAdvertisement } from './protocol/index.ts';
import { createTransport, type RemoteOptions } from './transport.ts';

/**
 * What "Test connection" found, without writing anything:
 * - `ok`: a git remote that lets this device read and push; `head` is its branch's head
 *   (`undefined`: the remote has no such branch yet, e.g. an empty repository);
 * - `read-only`: it can be read, but pushing is refused (`pushError` says why);
 * - `failed`: it cannot be used (`error` says why, as sync would).
 */
export type RemoteCheck =
  | { kind: 'ok'; branch: string; head: Oid | undefined }
  | { kind: 'read-only'; branch: string; head: Oid | undefined; pushError: SyncError }
  | { kind: 'failed'; error: SyncError };

/**
 * Asks the remote what it has (the fetch's first request) and whether it would take a push
 * (the push's first request), as a sync would, and says what it found. Never throws.
 */
export async function checkRemote(options: Omit<RemoteOptions, 'onBytes'> & { branch?: string }): Promise<RemoteCheck> {
  const branch = options.branch ?? 'main';
  const transport = createTransport(options);
  try {
    const head = parseRefAdvertisement(await transport.advertise('git-upload-pack'), 'git-upload-pack').refs.get(`refs/heads/${branch}`);
    try {
      parseRefAdvertisement(await transport.advertise('git-receive-pack'), 'git-receive-pack');
    } catch (error) {
      return { kind: 'read-only', branch, head, pushError: toSyncError(error) };
    }
    return { kind: 'ok', branch, head };
  } catch (error) {
    return { kind: 'failed', error: toSyncError(error) };
  }
}

