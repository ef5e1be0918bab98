// The run store worker: stores a fetch's runs into its import, on a thread of its own, so the
// unpack worker never waits on IndexedDB. Each `put` of a 1 MB chunk costs its caller ~4-5 ms
// in Chromium (the value is copied into a blob of its own): ~37 % of the unpack worker's time on
// a 37 MB pack when it stored the runs itself. The same thread reads the fetch's answer too
// (answer-reader.ts): one worker fewer to start and end.
import { readAnswer } from './answer-reader.ts';
import { sendError } from './sent-error.ts';
import { runBuffers, type FromAnswerReader, type FromRunStore, type RunToStore, type ToAnswerReader, type ToRunStore } from './unpack-messages.ts';
import { openImportWriter, type ImportWriter } from '../../store/index.ts';
import { quotaAsStorageFull } from '../errors.ts';

interface WorkerScope {
  postMessage(message: FromAnswerReader): void;
  onmessage: ((event: MessageEvent<ToRunStore | ToAnswerReader>) => void) | null;
}
const scope: WorkerScope = globalThis;

scope.onmessage = ({ data }) => {
  if ('remote' in data) return readAnswer(data, (message) => scope.postMessage(message));
  const { port, target } = data;
  const post = (message: FromRunStore): void => port.postMessage(message);
  let writer: ImportWriter | undefined;
  let failed = false;
  // Runs are stored one after another, in the order they came; after a failure, none.
  let storing = openImportWriter(target).then(
    (opened) => {
      writer = opened;
      post({ type: 'ready' });
    },
    // Where this worker may not open the database (a policy that sandboxes it), the runs go to the page.
    () => post({ type: 'unavailable' }),
  );
  port.onmessage = ({ data: { run, bytes } }: MessageEvent<RunToStore>) => {
    storing = storing.then(async () => {
      if (failed || !writer) return;
      try {
        await writer.put(run);
        // IndexedDB cloned the chunks: their memory goes back, for the unpack worker to write again.
        const chunks = run.chunks;
        port.postMessage({ type: 'stored', objects: run.index.oids.length / 40, bytes, chunks } satisfies FromRunStore, [...new Set(runBuffers(run))]);
      } catch (error) {
        failed = true;
        post({ type: 'failed', error: sendError(quotaAsStorageFull(error, bytes, undefined)) });
      }
    });
  };
};
