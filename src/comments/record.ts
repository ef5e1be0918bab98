// The files a comment repository holds, and the one validator both sides use: the widget checks
// what it writes and reads, and the comment remote's pre-receive hook checks every pushed file.
//
//   comments/<page>/<id>.json            a reader's comment (Comment)
//   comments/<page>/<id>.retracted.json  its author took it back (Retraction); the comment file
//                                        is removed in the same push, and sha256(secret) must
//                                        equal the removed comment's secretHash
//   comments/<page>/<id>.hidden.json     a moderator hid it (Hiding); moderators only
//
// Pure: no DOM, no IndexedDB, no Node; runs in the browser and in the hook.

/**
 * Where in the page a comment points, as the W3C Web Annotation model has it: a text-quote
 * selector (`exact` words with a little `prefix` and `suffix` context, on whitespace-normalised
 * text) with a text-position hint (`start`, an offset into the page's normalised text). Block ids
 * are hints only. Anchors of the first version carry no words for blocks and no `start`.
 */
export type Anchor =
  | { kind: 'page' }
  /** A whole paragraph or heading: its id, and (since version 2) its words to find it again. */
  | { kind: 'block'; block: string; exact?: string; prefix?: string; suffix?: string; start?: number }
  /** A span of text, hinted with the block it starts in. */
  | { kind: 'quote'; block?: string; exact: string; prefix: string; suffix: string; start?: number };

/** One reader's comment, as stored in `comments/<page>/<id>.json`. */
export interface Comment {
  id: string;
  page: string;
  anchor: Anchor;
  /** The comment this one replies to, or null. */
  parent: string | null;
  author: string;
  /** Markdown, rendered sanitized. */
  body: string;
  /** ISO 8601 timestamp. */
  created: string;
  /** Lowercase hex SHA-256 of a secret kept only in the author's browser (to retract). */
  secretHash: string;
}

/** `comments/<page>/<id>.retracted.json`: the secret whose SHA-256 is the comment's secretHash. */
export interface Retraction {
  id: string;
  page: string;
  secret: string;
  retracted: string;
}

/** `comments/<page>/<id>.hidden.json`: written by a moderator; the widget shows "removed". */
export interface Hiding {
  id: string;
  page: string;
  hidden: string;
  reason?: string;
}

/** What a file under `comments/` is, by its name. */
export type CommentFileKind = 'comment' | 'retraction' | 'hiding';

/** The largest file the comment remote accepts, in bytes. */
export const MAX_COMMENT_FILE_BYTES = 8 * 1024;
/** The most new comments one anonymous push may add. */
export const MAX_COMMENTS_PER_PUSH = 5;
export const MAX_AUTHOR_LENGTH = 80;
export const MAX_BODY_LENGTH = 4000;
export const MAX_QUOTE_LENGTH = 500;
export const MAX_QUOTE_CONTEXT_LENGTH = 64;
export const MAX_PAGE_LENGTH = 100;
/** The largest text-position hint: far beyond any page's text. */
const MAX_POSITION = 100_000_000;

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PAGE = /^[a-z0-9][a-z0-9._-]*$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const BLOCK_ID = /^[^\s]{1,200}$/;
const FILE = /^comments\/([^/]+)\/([^/]+?)(\.retracted|\.hidden)?\.json$/;

/**
 * A page name fit for a folder: lowercase letters, digits, `.`, `_` and `-`; anything else
 * (slashes of a path included) becomes `-`. `"/book/Chapter 3.html"` → `"book-chapter-3.html"`.
 */
export function pageKey(pathOrName: string): string {
  const key = pathOrName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|-+$/g, '')
    .slice(0, MAX_PAGE_LENGTH);
  return key === '' ? 'index' : key;
}

/** The path of a comment's file of the given kind. */
export function commentFilePath(page: string, id: string, kind: CommentFileKind = 'comment'): string {
  const suffix = kind === 'comment' ? '' : kind === 'retraction' ? '.retracted' : '.hidden';
  return `comments/${page}/${id}${suffix}.json`;
}

/** Reads a path under `comments/`; `undefined` when it is not one of the three file shapes. */
export function parseCommentFilePath(path: string): { page: string; id: string; kind: CommentFileKind } | undefined {
  const match = FILE.exec(path);
  if (!match) return undefined;
  const [, page = '', id = '', suffix] = match;
  if (!PAGE.test(page) || page.length > MAX_PAGE_LENGTH || !ID.test(id)) return undefined;
  return { page, id, kind: suffix === '.retracted' ? 'retraction' : suffix === '.hidden' ? 'hiding' : 'comment' };
}

/** A file's contents judged: the record, or why it is refused (a sentence a reader can act on). */
export type Judged<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Checks a comment file's bytes against its path: size, JSON, shape, and id and page matching the name. */
export function validateCommentFile(path: string, bytes: Uint8Array): Judged<Comment | Retraction | Hiding> {
  const where = parseCommentFilePath(path);
  if (!where) return refuse(`${path} is not a comment file (comments/<page>/<id>.json)`);
  if (bytes.length > MAX_COMMENT_FILE_BYTES) return refuse(`${path} is ${bytes.length} bytes; the limit is ${MAX_COMMENT_FILE_BYTES}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return refuse(`${path} is not valid UTF-8 JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return refuse(`${path} must hold a JSON object`);
  const record = parsed as Record<string, unknown>;
  if (record.id !== where.id) return refuse(`${path}: "id" must be ${where.id}, as in the file name`);
  if (record.page !== where.page) return refuse(`${path}: "page" must be ${where.page}, as in the folder name`);
  const { kind } = where;
  if ((kind === 'comment' && isComment(record)) || (kind === 'retraction' && isRetraction(record)) || (kind === 'hiding' && isHiding(record))) {
    return { ok: true, value: record };
  }
  return refuse(`${path}: ${PROBLEMS[kind](record) ?? 'not a valid file of its kind'}`);
}

/** The check of each kind of file: what is wrong with a record, or `undefined` when nothing is. */
const PROBLEMS: Record<CommentFileKind, (record: Record<string, unknown>) => string | undefined> = {
  comment: commentProblem,
  retraction: retractionProblem,
  hiding: hidingProblem,
};

const isComment = (record: Record<string, unknown>): record is Record<string, unknown> & Comment => commentProblem(record) === undefined;
const isRetraction = (record: Record<string, unknown>): record is Record<string, unknown> & Retraction => retractionProblem(record) === undefined;
const isHiding = (record: Record<string, unknown>): record is Record<string, unknown> & Hiding => hidingProblem(record) === undefined;

/** The bytes a record is stored as: pretty JSON with sorted keys, like the task app's records. */
export function encodeCommentFile(record: Comment | Retraction | Hiding): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(sortKeys(record), null, 2)}\n`);
}

/** A copy with every object's keys sorted, nested ones too (a replacer list would drop nested keys). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(object).sort().map((key) => [key, sortKeys(object[key])]));
}

function refuse(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

const ALLOWED_FIELDS: Record<CommentFileKind, ReadonlySet<string>> = {
  comment: new Set(['id', 'page', 'anchor', 'parent', 'author', 'body', 'created', 'secretHash']),
  retraction: new Set(['id', 'page', 'secret', 'retracted']),
  hiding: new Set(['id', 'page', 'hidden', 'reason']),
};

function extraField(record: Record<string, unknown>, kind: CommentFileKind): string | undefined {
  const extra = Object.keys(record).find((key) => !ALLOWED_FIELDS[kind].has(key));
  return extra === undefined ? undefined : `unknown field "${extra}"`;
}

function text(value: unknown, field: string, max: number, min = 1): string | undefined {
  if (typeof value !== 'string') return `"${field}" must be text`;
  if (value.length < min || value.length > max) return `"${field}" must be ${min} to ${max} characters`;
  return undefined;
}

/** An ISO 8601 UTC time that names a real instant (no 13th month, no February 30th). */
function isIsoTime(value: unknown): boolean {
  if (typeof value !== 'string' || !ISO_TIME.test(value)) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 19) === value.slice(0, 19);
}

function commentProblem(record: Record<string, unknown>): string | undefined {
  return (
    extraField(record, 'comment') ??
    anchorProblem(record.anchor) ??
    (record.parent === null || (typeof record.parent === 'string' && ID.test(record.parent)) ? undefined : '"parent" must be a comment id or null') ??
    text(typeof record.author === 'string' ? record.author.trim() : record.author, 'author', MAX_AUTHOR_LENGTH) ??
    text(typeof record.body === 'string' ? record.body.trim() : record.body, 'body', MAX_BODY_LENGTH) ??
    (isIsoTime(record.created) ? undefined : '"created" must be an ISO 8601 UTC time') ??
    (typeof record.secretHash === 'string' && SHA256_HEX.test(record.secretHash) ? undefined : '"secretHash" must be 64 lowercase hex digits')
  );
}

function anchorProblem(anchor: unknown): string | undefined {
  if (typeof anchor !== 'object' || anchor === null || Array.isArray(anchor)) return '"anchor" must be an object';
  const a = anchor as Record<string, unknown>;
  const keys = Object.keys(a);
  const only = (allowed: string[]): string | undefined => {
    const extra = keys.find((key) => !allowed.includes(key));
    return extra === undefined ? undefined : `unknown anchor field "${extra}"`;
  };
  const block = (value: unknown): string | undefined =>
    typeof value === 'string' && BLOCK_ID.test(value) ? undefined : '"anchor.block" must be an element id';
  switch (a.kind) {
    case 'page':
      return only(['kind']);
    case 'block':
      return (
        only(['kind', 'block', 'exact', 'prefix', 'suffix', 'start']) ??
        block(a.block) ??
        (a.exact === undefined && a.prefix === undefined && a.suffix === undefined ? position(a.start) : quoteProblem(a))
      );
    case 'quote':
      return only(['kind', 'block', 'exact', 'prefix', 'suffix', 'start']) ?? (a.block === undefined ? undefined : block(a.block)) ?? quoteProblem(a);
    default:
      return '"anchor.kind" must be page, block or quote';
  }
}

/** The text-quote selector's fields, and the optional position hint. */
function quoteProblem(a: Record<string, unknown>): string | undefined {
  return (
    text(a.exact, 'anchor.exact', MAX_QUOTE_LENGTH) ??
    text(a.prefix, 'anchor.prefix', MAX_QUOTE_CONTEXT_LENGTH, 0) ??
    text(a.suffix, 'anchor.suffix', MAX_QUOTE_CONTEXT_LENGTH, 0) ??
    position(a.start)
  );
}

function position(start: unknown): string | undefined {
  return start === undefined || (Number.isSafeInteger(start) && (start as number) >= 0 && (start as number) <= MAX_POSITION) ? undefined : '"anchor.start" must be a whole number from 0';
}

function retractionProblem(record: Record<string, unknown>): string | undefined {
  return (
    extraField(record, 'retraction') ??
    text(record.secret, 'secret', 200, 16) ??
    (isIsoTime(record.retracted) ? undefined : '"retracted" must be an ISO 8601 UTC time')
  );
}

function hidingProblem(record: Record<string, unknown>): string | undefined {
  return (
    extraField(record, 'hiding') ??
    (isIsoTime(record.hidden) ? undefined : '"hidden" must be an ISO 8601 UTC time') ??
    (record.reason === undefined ? undefined : text(record.reason, 'reason', 500, 0))
  );
}
