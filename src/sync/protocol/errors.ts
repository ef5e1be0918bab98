import { SyncError } from '../errors.ts';

/** Which part of the wire format could not be read. */
export type ProtocolPart = 'pkt-line' | 'ref-advertisement' | 'side-band' | 'pack' | 'delta' | 'report-status';

/** What a {@link ProtocolError} carries for code to inspect and logs to show. */
export interface ProtocolErrorData {
  /** The format that was malformed. */
  part: ProtocolPart;
  /** What exactly was wrong, in a few words (also in the message). */
  problem: string;
  /** Byte offset of the problem in the input, when known. */
  offset?: number;
  /** A message the server itself sent (side-band channel 3). */
  serverMessage?: string;
}

const PART_NAMES: Record<ProtocolPart, string> = {
  'pkt-line': 'a pkt-line stream',
  'ref-advertisement': 'a ref advertisement',
  'side-band': 'a side-band stream',
  pack: 'a pack',
  delta: 'a delta',
  'report-status': 'a push report',
};

/**
 * The server sent bytes that are not valid git protocol (or reported an error itself).
 * Code `'protocol'`: retrying will not help until the server (or this parser) is fixed.
 */
export class ProtocolError extends SyncError<ProtocolErrorData> {
  declare readonly code: 'protocol';

  constructor(part: ProtocolPart, problem: string, extra: { offset?: number; serverMessage?: string } = {}) {
    const at = extra.offset === undefined ? '' : ` at byte ${extra.offset}`;
    const message =
      extra.serverMessage === undefined
        ? `The server sent ${PART_NAMES[part]} we could not read${at}: ${problem}.`
        : `The server reported an error: ${extra.serverMessage}`;
    super('protocol', message, { part, problem, ...extra });
  }
}
