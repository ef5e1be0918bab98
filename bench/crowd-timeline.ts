// Where a crowd's pushes wait, step by step, all in ms from the crowd's common start: in the
// browsers, from Chromium's own network timing of each push request (through Playwright: when the
// request started, its connection opened, its headers went out, its answer began); in the remote,
// from each push's timeline (connection accepted, handler started, body read, judged, its batch
// begun, `main` moved, answered); and how late the remote's event loop ran meanwhile.
import type { Page, Request } from '@playwright/test';
import type { PushTimeline } from '../server/comments/index.ts';
import { percentile, round } from './stats.ts';

/** One push request as Chromium's network stack saw it, epoch ms. */
export interface BrowserPushTiming {
  started: number;
  /** When it opened a connection of its own (absent: it reused one). */
  connectStart?: number;
  connectEnd?: number;
  requestSent: number;
  responseStarted: number;
  responseEnded: number;
}

/** How late the remote's event loop ran, ms. */
export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

/** Starts noting the push requests of `pages`; the function returned stops and gives them. */
export function watchPushRequests(pages: readonly Page[]): () => BrowserPushTiming[] {
  const seen: BrowserPushTiming[] = [];
  const onFinished = (request: Request): void => {
    if (request.method() !== 'POST' || !request.url().endsWith('/git-receive-pack')) return;
    const timing = request.timing();
    const at = (offset: number) => timing.startTime + offset;
    seen.push({
      started: timing.startTime,
      ...(timing.connectStart >= 0 ? { connectStart: at(timing.connectStart), connectEnd: at(timing.connectEnd) } : {}),
      requestSent: at(timing.requestStart),
      responseStarted: at(timing.responseStart),
      responseEnded: at(timing.responseEnd),
    });
  };
  for (const page of pages) page.on('requestfinished', onFinished);
  return () => {
    for (const page of pages) page.off('requestfinished', onFinished);
    return seen;
  };
}

/** p50 and p95 of `values` (ms from the start), or undefined when there are none. */
function spreadOf(values: readonly number[]): { p50: number; p95: number; n: number } | undefined {
  return values.length === 0 ? undefined : { p50: round(percentile(values, 50), 0), p95: round(percentile(values, 95), 0), n: values.length };
}

/** The crowd's timeline (each step's p50 and p95 from `startAt`, epoch ms) and the line the bench prints. */
export function crowdTimeline(startAt: number, browser: readonly BrowserPushTiming[], server: readonly PushTimeline[], loop: LoopDelay): { report: Record<string, unknown>; line: string } {
  const from = <T>(list: readonly T[], pick: (item: T) => number | undefined) => spreadOf(list.map(pick).filter((value): value is number => value !== undefined).map((value) => value - startAt));
  const browserSteps = {
    started: from(browser, (push) => push.started),
    connectStart: from(browser, (push) => push.connectStart),
    connectEnd: from(browser, (push) => push.connectEnd),
    requestSent: from(browser, (push) => push.requestSent),
    responseStarted: from(browser, (push) => push.responseStarted),
  };
  const serverSteps = {
    accepted: from(server, (push) => (push.reused === false ? push.accepted : undefined)),
    started: from(server, (push) => push.started),
    bodyRead: from(server, (push) => push.bodyRead),
    judged: from(server, (push) => push.judged),
    batchBegan: from(server, (push) => push.batchBegan),
    mainMoved: from(server, (push) => push.mainMoved),
    answered: from(server, (push) => push.answered),
  };
  const batches = new Set(server.map((push) => push.batchBegan)).size;
  // The same request on a connection of its own or on one kept alive: what opening it cost.
  const onNew = spreadOf(browser.filter((push) => push.connectStart !== undefined).map((push) => push.responseStarted - push.started));
  const onKept = spreadOf(browser.filter((push) => push.connectStart === undefined).map((push) => push.responseStarted - push.started));
  const step = (name: string, spread: ReturnType<typeof spreadOf>, count = false) => (spread ? `${name} ${spread.p50} (${spread.p95})${count ? ` ×${spread.n}` : ''}` : `${name} -`);
  const line = [
    'the pushes\' way, ms from the common start, p50 (p95): browser:',
    [step('request started', browserSteps.started), step('new connection began', browserSteps.connectStart, true), step('connected', browserSteps.connectEnd), step('request sent', browserSteps.requestSent), step('answer began', browserSteps.responseStarted)].join('; '),
    '| remote:',
    [step('accepted', serverSteps.accepted, true), step('handler started', serverSteps.started), step('body read', serverSteps.bodyRead), step('judged', serverSteps.judged), step('batch began', serverSteps.batchBegan), step('main moved', serverSteps.mainMoved), step('answered', serverSteps.answered)].join('; '),
    `| request started to answer began: on a new connection ${onNew ? `${onNew.p50} (${onNew.p95}) ×${onNew.n}` : '-'}, on one kept alive ${onKept ? `${onKept.p50} (${onKept.p95}) ×${onKept.n}` : '-'}`,
    `| ${batches} batches; the remote's event loop late p50 ${round(loop.p50, 1)} ms, p99 ${round(loop.p99, 1)}, max ${round(loop.max, 1)}`,
  ].join(' ');
  return { report: { browser: browserSteps, remote: serverSteps, startedToAnswerOnNewConnection: onNew, startedToAnswerOnKeptConnection: onKept, batches, remoteLoopLateMs: loop }, line };
}
