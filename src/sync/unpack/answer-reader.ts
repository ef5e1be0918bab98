// The answer reader: makes a fetch's upload-pack request with the page's transport options and
// hands each chunk of the answer, as it is read, to the unpack worker (transferred, over a
// MessagePort). Reading a body costs its thread a copy of every byte into fresh memory: on the
// page's main thread that was 70-90 ms of a 9.2 MB first sync in ~180 tasks; read in the unpack
// worker itself, it lengthened the sync's longest path by as much (37 MB: that worker's thread
// 470-530 -> 600-770 ms). It runs on the run store worker's thread (run-store-worker.ts), beside
// both: one worker's start, messages and teardown fewer than a worker of its own.
import { createTransport } from '../transport.ts';
import { sendError } from './sent-error.ts';
import { ANSWER_HEARD_MS, type AnswerToUnpack, type FromAnswerReader, type ToAnswerReader } from './unpack-messages.ts';

/**
 * Makes the request `asked` names, hands its answer to the unpack worker at `asked.port`, and
 * tells the page through `tell` how much came (at most every {@link ANSWER_HEARD_MS}) and that
 * it is over.
 */
export function readAnswer({ remote, body, port }: ToAnswerReader, tell: (message: FromAnswerReader) => void): void {
  const post = (message: AnswerToUnpack, transfer: Transferable[] = []): void => port.postMessage(message, transfer);
  // The page times the request out by its own clock, as the rest of the sync: it hears how much
  // came now and then, not per chunk.
  let lastHeard = -Infinity;
  const onBytes = (bytes: number): void => {
    if (Date.now() - lastHeard < ANSWER_HEARD_MS) return;
    lastHeard = Date.now();
    tell({ type: 'heard', bytes });
  };
  // The same transport as the page's: the same timeouts, checks and typed errors.
  createTransport({ ...remote, onBytes })
    .rpcStream('git-upload-pack', body, async (bytes) => post({ type: 'chunk', bytes }, [bytes.buffer as ArrayBuffer]))
    .then(
      () => post({ type: 'end' }),
      (error: unknown) => post({ type: 'failed', error: sendError(error) }),
    )
    .finally(() => tell({ type: 'ended' }));
}
