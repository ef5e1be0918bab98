import { isOid, type Oid } from '../../store/index.ts';
import { BundleError } from './bundle-error.ts';
import { describeForeignFile } from './sniff-format.ts';

/** One ref a bundle names: `<oid> <name>` in its header. */
export interface BundleRef {
  /** Full ref name, e.g. `refs/heads/main`, or `HEAD`. */
  name: string;
  oid: Oid;
}

/** A bundle's header, as {@link parseBundleHeader} reads it. */
export interface BundleHeader {
  version: 2 | 3;
  /** Version 3 capabilities (`@key=value`), all of them ones Taskgit supports. */
  capabilities: ReadonlyMap<string, string | undefined>;
  /** Commits the receiver must already have (`-<oid>` lines): an incremental bundle's base. */
  prerequisites: Oid[];
  refs: BundleRef[];
  /** Where the pack starts: right after the blank line that ends the header. */
  packOffset: number;
}

const SIGNATURES: ReadonlyArray<{ version: 2 | 3; text: string }> = [
  { version: 2, text: '# v2 git bundle\n' },
  { version: 3, text: '# v3 git bundle\n' },
];
/** Both signatures are this long. */
const SIGNATURE_LENGTH = 16;
const OTHER_VERSION = /^# v(\d+) git bundle\n/;
const NEWLINE = 0x0a;
const OID_LENGTH = 40;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Encodes a version 2 bundle header: the signature, one `<oid> <name>` line per ref, and the
 * blank line after which the pack goes. Names must be valid in a bundle (no spaces or control
 * characters); they are written in the order given.
 */
export function encodeBundleHeader(refs: readonly BundleRef[]): Uint8Array {
  for (const { name } of refs) {
    if (!isValidRefName(name)) throw new RangeError(`Cannot write ref name ${JSON.stringify(name)} in a bundle`);
  }
  return new TextEncoder().encode(`# v2 git bundle\n${refs.map(({ oid, name }) => `${oid} ${name}\n`).join('')}\n`);
}

/**
 * Reads the header of a git bundle (version 2, or 3 with `object-format=sha1` only) and says
 * where its pack starts. Pure. Anything else is a BundleError: `not-a-bundle` for a file that
 * does not start like a bundle (with what it seems to be instead), `unsupported` for
 * capabilities or versions Taskgit cannot read, `corrupt` for a malformed or cut-short header.
 */
export function parseBundleHeader(bytes: Uint8Array): BundleHeader {
  const version = readSignature(bytes);
  const capabilities = new Map<string, string | undefined>();
  const prerequisites: Oid[] = [];
  const refs: BundleRef[] = [];
  const byName = new Map<string, Oid>();
  let at = SIGNATURE_LENGTH;
  for (;;) {
    const end = bytes.indexOf(NEWLINE, at);
    if (end < 0) throw new BundleError('corrupt', 'it ends inside its header, before any packed objects (the file was cut short)', { offset: at });
    if (end === at) return { version, capabilities, prerequisites, refs, packOffset: end + 1 };
    const line = bytes.subarray(at, end);
    if (line[0] === 0x40 /* @ */) {
      if (version !== 3) throw new BundleError('corrupt', 'its version 2 header holds a capability line, which only version 3 has', { offset: at });
      const [key, value] = readCapability(line, at);
      capabilities.set(key, value);
    } else if (line[0] === 0x2d /* - */) {
      prerequisites.push(readPrerequisite(line, at));
    } else {
      const ref = readRef(line, at);
      const known = byName.get(ref.name);
      if (known !== undefined && known !== ref.oid) throw new BundleError('corrupt', `it names ref ${ref.name} twice, with different commits`, { offset: at });
      if (known === undefined) refs.push(ref);
      byName.set(ref.name, ref.oid);
    }
    at = end + 1;
  }
}

function readSignature(bytes: Uint8Array): 2 | 3 {
  const start = String.fromCharCode(...bytes.subarray(0, 24));
  for (const { version, text } of SIGNATURES) if (start.startsWith(text)) return version;
  const other = OTHER_VERSION.exec(start);
  if (other) throw new BundleError('unsupported', `it is a version ${other[1]} git bundle; Taskgit reads versions 2 and 3`, { offset: 0 });
  throw new BundleError('not-a-bundle', describeForeignFile(bytes), { offset: 0 });
}

function readCapability(line: Uint8Array, offset: number): [string, string | undefined] {
  const text = decodeLine(line, offset).slice(1);
  const equals = text.indexOf('=');
  const key = equals < 0 ? text : text.slice(0, equals);
  const value = equals < 0 ? undefined : text.slice(equals + 1);
  if (key === 'object-format') {
    if (value === 'sha1') return [key, value];
    throw new BundleError('unsupported', `its object ids are ${value ?? 'of an unnamed format'}; Taskgit reads SHA-1 ids only`, { offset });
  }
  if (key === 'filter') throw new BundleError('unsupported', `it is a partial bundle (made with --filter=${value ?? ''}), which leaves objects out`, { offset });
  throw new BundleError('unsupported', `it needs the capability "${key}", which Taskgit does not know`, { offset });
}

function readPrerequisite(line: Uint8Array, offset: number): Oid {
  const oid = readOid(line, 1, offset);
  if (line.length > 1 + OID_LENGTH && line[1 + OID_LENGTH] !== 0x20) throw malformedLine(line, offset);
  return oid;
}

function readRef(line: Uint8Array, offset: number): BundleRef {
  const oid = readOid(line, 0, offset);
  if (line[OID_LENGTH] !== 0x20) throw malformedLine(line, offset);
  const name = decodeLine(line.subarray(OID_LENGTH + 1), offset);
  if (!isValidRefName(name)) throw new BundleError('corrupt', `its header names a ref ${JSON.stringify(name)} that is not a valid ref name`, { offset });
  return { name, oid };
}

function readOid(line: Uint8Array, start: number, offset: number): Oid {
  const text = String.fromCharCode(...line.subarray(start, start + OID_LENGTH)).toLowerCase();
  if (!isOid(text)) throw malformedLine(line, offset);
  return text;
}

function decodeLine(line: Uint8Array, offset: number): string {
  try {
    return strictUtf8.decode(line);
  } catch {
    throw new BundleError('corrupt', 'its header holds a line that is not text', { offset });
  }
}

function malformedLine(line: Uint8Array, offset: number): BundleError {
  const shown = String.fromCharCode(...line.subarray(0, 60)).replace(/[^\x20-\x7e]/g, '?');
  return new BundleError('corrupt', `its header holds a line that is neither a ref nor a prerequisite (${JSON.stringify(shown)})`, { offset });
}

/** Any name git could write in a bundle: no spaces, no control characters. */
function isValidRefName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  return name.length > 0 && !/[\x00-\x20\x7f]/.test(name);
}
