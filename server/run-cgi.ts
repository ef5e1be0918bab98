// Runs a CGI program (here `git http-backend`) for one HTTP request: the request body goes to its
// stdin, its header block becomes the response head, and the rest of its stdout is streamed as
// the body. Headers already set on the response (CORS) are kept.
import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseCgiHead } from './cgi-head.ts';
import { BackendFailedError, BackendSpawnError } from './errors.ts';

/** A header block longer than this is not one: the program is broken. */
const MAX_HEAD_BYTES = 64 * 1024;
/** How much of the program's stderr is kept for an error message. */
const MAX_STDERR_CHARS = 4096;

/** One run of a CGI program. */
export interface CgiRun {
  /** The program's path. */
  command: string;
  /** Its whole environment (nothing is inherited). */
  env: NodeJS.ProcessEnv;
  request: IncomingMessage;
  response: ServerResponse;
}

/**
 * Answers `run.request` with the program's output. Resolves once the answer is complete, was cut
 * (the program failed mid-body: the connection is dropped so the body cannot pass for whole), or
 * the client left (the program is killed). Rejects with {@link BackendSpawnError} or
 * {@link BackendFailedError} when the program gave no header block: then nothing has been sent
 * and the caller answers instead.
 */
export function runCgi({ command, env, request, response }: CgiRun): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, [], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let state: 'reading-head' | 'streaming' | 'failed' = 'reading-head';
    let head: Buffer = Buffer.alloc(0);
    let stderr = '';

    const giveUp = (error: Error) => {
      if (state !== 'reading-head') return;
      state = 'failed';
      child.kill();
      fail(error);
    };
    const failure = (exitCode: number | null, signal: string | null) =>
      new BackendFailedError({ command, exitCode, signal, stderr });
    const readHead = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const parsed = parseCgiHead(head);
      if (parsed === undefined) {
        if (head.length > MAX_HEAD_BYTES) giveUp(failure(null, null));
        return;
      }
      state = 'streaming';
      child.stdout.off('data', readHead);
      for (const [name, value] of parsed.headers) response.setHeader(name, value);
      response.writeHead(parsed.status);
      response.write(head.subarray(parsed.bodyStart));
      child.stdout.pipe(response, { end: false });
    };

    child.on('error', (error) => giveUp(new BackendSpawnError({ command }, { cause: error })));
    // The program may exit without reading the whole body; the broken pipe is not news.
    child.stdin.on('error', () => undefined);
    request.pipe(child.stdin);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => (stderr = (stderr + text).slice(-MAX_STDERR_CHARS)));
    child.stdout.on('data', readHead);
    child.on('close', (exitCode, signal) => {
      if (state === 'failed') return;
      if (state === 'reading-head' && !response.destroyed) giveUp(failure(exitCode, signal));
      else {
        if (state === 'streaming' && exitCode === 0) response.end();
        else response.destroy();
        done();
      }
    });
    response.on('close', () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    });
  });
}
