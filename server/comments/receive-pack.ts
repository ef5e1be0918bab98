// git-receive-pack for a comment repository, answered by the server itself (no git process per
// push): the advertisement, then each push read with a size cap, judged, handed to the fold, and
// answered once its comments are on `main` (or refused for good, per ref). A push the remote
// could not finish this time is a 503, so the pusher keeps its comments and tries again.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { epochNow, noteRequest } from '../socket-accepted.ts';
import { MAX_WAITING, type BatchTiming, type Fold, type FoldOutcome } from './fold.ts';
import type { PushRole } from './judge-changes.ts';
import { judgePush } from './judge-push.ts';
import { encodeReceiveAdvertisement, encodeReport, parsePushRequest, PushRequestError, type RefStatus } from './push-request.ts';
import type { RepoObjects } from './repo-objects.ts';

/** The largest push body a reader may send (five comments are a few KB) and the moderator's. */
const MAX_PUSH_BYTES: Record<PushRole, number> = { reader: 256 * 1024, moderator: 16 * 1024 * 1024 };

/** What receive-pack works on. */
export interface ReceiveTarget {
  fold: Fold;
  objects: RepoObjects;
}

/** Answers `GET info/refs?service=git-receive-pack`. */
export async function advertiseReceivePack(target: ReceiveTarget, response: ServerResponse): Promise<void> {
  const body = encodeReceiveAdvertisement(await target.fold.head());
  response.writeHead(200, { 'Content-Type': 'application/x-git-receive-pack-advertisement', 'Cache-Control': 'no-cache', 'Content-Length': body.length }).end(body);
}

/** One push answered with a report: from its arrival to its answer, ms; the refs it named and those taken; when each step ended. */
export interface PushEvent {
  ms: number;
  refs: number;
  taken: number;
  timeline: PushTimeline;
}

/**
 * A push's way through the remote, epoch ms: its connection accepted (absent when the server did
 * not note it) and whether an earlier request used it; its handler started (the request's headers
 * read); its body read; judged; the batch that published it begun and `main` moved (absent when
 * nothing of it was folded); answered.
 */
export interface PushTimeline {
  accepted?: number;
  reused?: boolean;
  started: number;
  bodyRead: number;
  judged: number;
  batchBegan?: number;
  mainMoved?: number;
  /** Submissions in that batch. */
  batchSize?: number;
  answered: number;
}

/** Answers `POST git-receive-pack`; tells `onPush` of each push answered with a report. */
export async function receivePack(target: ReceiveTarget, role: PushRole, request: IncomingMessage, response: ServerResponse, onPush?: (event: PushEvent) => void): Promise<void> {
  const arrived = performance.now();
  const connection = noteRequest(request.socket);
  const started = epochNow();
  if (target.fold.waiting >= MAX_WAITING) return sendText(response, 503, 'The comment remote is busy publishing; your comment is kept, try again in a few seconds.\n', { 'Retry-After': '5' });
  const body = await readBody(request, MAX_PUSH_BYTES[role]);
  if (typeof body === 'string') return sendText(response, 413, body);
  const bodyRead = epochNow();
  let parsed;
  try {
    parsed = parsePushRequest(body);
  } catch (error) {
    if (error instanceof PushRequestError) return sendText(response, 400, `${error.message}\n`);
    throw error;
  }
  const verdict = await judgePush(parsed, { role, objects: target.objects, main: await target.fold.head() });
  const judged = epochNow();
  let batch: BatchTiming | undefined;
  let statuses: RefStatus[];
  let unpackError: string | undefined;
  if (verdict.kind === 'refused') {
    statuses = parsed.commands.map((command) => ({ ref: command.ref, ok: false, reason: verdict.reason }));
    if (!verdict.unpacked) unpackError = verdict.reason;
  } else {
    const outcomes: FoldOutcome[] = await Promise.all(
      verdict.commands.map((command) => {
        if (command.kind === 'refused') return { ok: false, reason: command.reason };
        if (command.kind === 'submission') return target.fold.submit(command.files);
        return target.fold.fastForward(command, verdict.objects);
      }),
    );
    const temporary = outcomes.find((outcome) => !outcome.ok && outcome.temporary);
    if (temporary && !temporary.ok) return sendText(response, 503, `${temporary.reason}\n`, { 'Retry-After': '2' });
    batch = outcomes.find((outcome): outcome is { ok: true; batch: BatchTiming } => outcome.ok && outcome.batch !== undefined)?.batch;
    statuses = verdict.commands.map((command, i) => {
      const outcome = outcomes[i] as FoldOutcome;
      return outcome.ok ? { ref: command.ref, ok: true } : { ref: command.ref, ok: false, reason: outcome.reason };
    });
  }
  const report = encodeReport(statuses, unpackError, parsed.capabilities.has('side-band-64k'));
  const timeline: PushTimeline = {
    ...(connection ? { accepted: connection.accepted, reused: connection.reused } : {}),
    started,
    bodyRead,
    judged,
    ...(batch ? { batchBegan: batch.began, mainMoved: batch.moved, batchSize: batch.size } : {}),
    answered: epochNow(),
  };
  onPush?.({ ms: performance.now() - arrived, refs: statuses.length, taken: statuses.filter((status) => status.ok).length, timeline });
  response.writeHead(200, { 'Content-Type': 'application/x-git-receive-pack-result', 'Cache-Control': 'no-cache', 'Content-Length': report.length }).end(report);
}

/** The request body (gunzipped when sent so), or the words of a 413 when it is over `limit`. */
async function readBody(request: IncomingMessage, limit: number): Promise<Uint8Array | string> {
  const tooBig = `A push to the comment remote is at most ${limit} bytes; push fewer comments at a time.\n`;
  if (Number(request.headers['content-length'] ?? 0) > limit) return tooBig;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return tooBig;
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks);
  if (!/gzip/i.test(String(request.headers['content-encoding'] ?? ''))) return body;
  try {
    return gunzipSync(body, { maxOutputLength: limit });
  } catch {
    return tooBig;
  }
}

/** A plain-text answer. */
export function sendText(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) }).end(body);
}
