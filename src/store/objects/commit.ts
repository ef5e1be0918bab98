import { InvalidObjectError } from '../errors.ts';
import { isOid, type Oid } from '../oid.ts';
import { fromUtf8, utf8 } from './bytes.ts';

/** A person and the moment they acted, as git writes it in a commit header. */
export interface Signature {
  name: string;
  email: string;
  /** Seconds since the Unix epoch. */
  timestamp: number;
  /** Minutes east of UTC, e.g. +60 for `+0100` (the sign of git's header, not of JS's getTimezoneOffset). */
  timezoneOffset: number;
}

/** Everything a commit object holds. */
export interface CommitData {
  tree: Oid;
  parents: Oid[];
  author: Signature;
  committer: Signature;
  message: string;
  /** Headers other than tree/parent/author/committer (gpgsig, encoding...), kept for reading. */
  extraHeaders?: Array<[string, string]>;
}

function formatTimezone(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hours = String(Math.floor(abs / 60)).padStart(2, '0');
  const minutes = String(abs % 60).padStart(2, '0');
  return `${sign}${hours}${minutes}`;
}

/** `Name <email> 1700000000 +0100`, as git writes an author or committer line. */
function formatSignature(sig: Signature): string {
  return `${sig.name} <${sig.email}> ${sig.timestamp} ${formatTimezone(sig.timezoneOffset)}`;
}

/** Parses an author or committer value; throws InvalidObjectError when malformed. */
function parseSignature(value: string): Signature {
  const match = /^(.*?) ?<([^<>]*)> (\d+) ([+-])(\d\d)(\d\d)$/.exec(value);
  if (!match) throw new InvalidObjectError('commit', `bad signature ${JSON.stringify(value)}`);
  // Every group is in the pattern, so each is set when it matched.
  const [, name = '', email = '', seconds = '', sign = '', hours = '', minutes = ''] = match;
  const offset = Number(hours) * 60 + Number(minutes);
  return {
    name,
    email,
    timestamp: Number(seconds),
    timezoneOffset: sign === '-' ? -offset : offset,
  };
}

/** Encodes a commit's content exactly as `git commit-tree` would. */
export function encodeCommit(commit: CommitData): Uint8Array {
  const lines = [`tree ${commit.tree}`];
  for (const parent of commit.parents) lines.push(`parent ${parent}`);
  lines.push(`author ${formatSignature(commit.author)}`);
  lines.push(`committer ${formatSignature(commit.committer)}`);
  for (const [key, value] of commit.extraHeaders ?? []) lines.push(`${key} ${value.replaceAll('\n', '\n ')}`);
  return utf8(`${lines.join('\n')}\n\n${commit.message}`);
}

/** Decodes a commit's content; multi-line headers (gpgsig) are joined back. */
export function decodeCommit(content: Uint8Array): CommitData {
  const text = fromUtf8(content);
  const split = text.indexOf('\n\n');
  const headerText = split < 0 ? text : text.slice(0, split);
  const message = split < 0 ? '' : text.slice(split + 2);
  const headers: Array<[string, string]> = [];
  for (const line of headerText.split('\n')) {
    const last = headers[headers.length - 1];
    if (line.startsWith(' ') && last) {
      last[1] += `\n${line.slice(1)}`;
      continue;
    }
    const space = line.indexOf(' ');
    if (space <= 0) throw new InvalidObjectError('commit', `bad header line ${JSON.stringify(line)}`);
    headers.push([line.slice(0, space), line.slice(space + 1)]);
  }
  let tree: Oid | undefined;
  let author: Signature | undefined;
  let committer: Signature | undefined;
  const parents: Oid[] = [];
  const extraHeaders: Array<[string, string]> = [];
  for (const [key, value] of headers) {
    if (key === 'tree' && tree === undefined && isOid(value)) tree = value;
    else if (key === 'parent' && isOid(value)) parents.push(value);
    else if (key === 'author' && author === undefined) author = parseSignature(value);
    else if (key === 'committer' && committer === undefined) committer = parseSignature(value);
    else if (key === 'tree' || key === 'parent') throw new InvalidObjectError('commit', `bad ${key} ${value}`);
    else extraHeaders.push([key, value]);
  }
  if (!tree) throw new InvalidObjectError('commit', 'no tree');
  if (!author || !committer) throw new InvalidObjectError('commit', 'no author or committer');
  const data: CommitData = { tree, parents, author, committer, message };
  if (extraHeaders.length > 0) data.extraHeaders = extraHeaders;
  return data;
}
