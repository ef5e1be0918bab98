// git-receive-pack's request and answer, as the comment remote speaks them (smart HTTP, protocol
// v0): the advertisement of `main`, the pushed commands and pack, and the report-status that says
// per ref whether it was taken. Pure: bytes in, bytes out.
import { FLUSH_PKT, encodePktLine } from '../../src/sync/index.ts';

const ZERO = '0'.repeat(40);
/** What the comment remote offers a pusher. */
const CAPABILITIES = 'report-status side-band-64k ofs-delta quiet object-format=sha1 agent=taskgit-comments/2';

/** One `<old> <new> <ref>` command. */
export interface PushCommand {
  old: string;
  new: string;
  ref: string;
}

/** A parsed push: its commands, the capabilities the client asked for, and the pack (maybe empty). */
export interface PushRequest {
  commands: PushCommand[];
  capabilities: Set<string>;
  pack: Uint8Array;
}

/** A push that cannot be read at all. */
export class PushRequestError extends Error {
  readonly code = 'bad-push-request';
}

/** `info/refs?service=git-receive-pack`: the service line, `main` (or none) with the capabilities. */
export function encodeReceiveAdvertisement(main: string | undefined): Uint8Array {
  const first = main === undefined ? `${ZERO} capabilities^{}\0${CAPABILITIES}\n` : `${main} refs/heads/main\0${CAPABILITIES}\n`;
  return Buffer.concat([encodePktLine('# service=git-receive-pack\n'), FLUSH_PKT, encodePktLine(first), FLUSH_PKT]);
}

/** Reads the commands (pkt-lines up to a flush) and the pack after them. */
export function parsePushRequest(body: Uint8Array): PushRequest {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const commands: PushCommand[] = [];
  let capabilities = new Set<string>();
  let at = 0;
  for (;;) {
    if (at + 4 > text.length) throw new PushRequestError('the push ends before its command list does');
    const length = Number.parseInt(text.toString('latin1', at, at + 4), 16);
    if (!/^[0-9a-f]{4}$/.test(text.toString('latin1', at, at + 4)) || (length > 0 && length < 4) || at + length > text.length) {
      throw new PushRequestError('the push holds a malformed pkt-line');
    }
    if (length === 0) {
      at += 4;
      break;
    }
    let line = text.toString('utf8', at + 4, at + length).replace(/\n$/, '');
    at += length;
    const nul = line.indexOf('\0');
    if (nul >= 0) {
      if (commands.length === 0) capabilities = new Set(line.slice(nul + 1).split(' ').filter(Boolean));
      line = line.slice(0, nul);
    }
    const match = /^([0-9a-f]{40}) ([0-9a-f]{40}) (refs\/\S+)$/.exec(line);
    if (!match) throw new PushRequestError(`"${line.slice(0, 100)}" is not a push command`);
    commands.push({ old: match[1] as string, new: match[2] as string, ref: match[3] as string });
  }
  if (commands.length === 0) throw new PushRequestError('the push names no ref');
  return { commands, capabilities, pack: body.subarray(at) };
}

/** Whether a command deletes its ref. */
export function isDeletion(command: PushCommand): boolean {
  return command.new === ZERO;
}

/** Whether a command creates its ref. */
export function isCreation(command: PushCommand): boolean {
  return command.old === ZERO;
}

/** Per ref: taken, or refused with a reason. */
export type RefStatus = { ref: string; ok: true } | { ref: string; ok: false; reason: string };

/**
 * The report-status answer: `unpack ok` (or the unpack error), one line per ref, in side-band
 * channel 1 when the client asked for side-band-64k.
 */
export function encodeReport(statuses: readonly RefStatus[], unpackError: string | undefined, sideBand: boolean): Uint8Array {
  const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ').slice(0, 900);
  const lines = [
    encodePktLine(`unpack ${unpackError === undefined ? 'ok' : oneLine(unpackError)}\n`),
    ...statuses.map((status) => encodePktLine(status.ok ? `ok ${status.ref}\n` : `ng ${status.ref} ${oneLine(status.reason)}\n`)),
    FLUSH_PKT,
  ];
  const report = Buffer.concat(lines);
  if (!sideBand) return report;
  const packets: Uint8Array[] = [];
  for (let start = 0; start < report.length; start += 65_000) {
    packets.push(encodePktLine(Buffer.concat([Buffer.of(1), report.subarray(start, start + 65_000)])));
  }
  return Buffer.concat([...packets, FLUSH_PKT]);
}
