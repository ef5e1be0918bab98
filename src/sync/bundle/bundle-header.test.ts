// The bundle header codec, pure: what we write reads back, git's own headers (v2, v3,
// prerequisites) read, and anything else is refused with a BundleError saying what it is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Oid } from '../../store/index.ts';
import { BundleError, type BundleProblem } from './bundle-error.ts';
import { encodeBundleHeader, parseBundleHeader } from './bundle-header.ts';

const A = 'a'.repeat(40) as Oid;
const B = '0123456789abcdef0123456789abcdef01234567' as Oid;
const text = (value: string): Uint8Array => new TextEncoder().encode(value);

function refusal(bytes: Uint8Array): BundleError {
  try {
    parseBundleHeader(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(BundleError);
    return error as BundleError;
  }
  throw new Error('expected a BundleError');
}

function expectRefused(bytes: Uint8Array, problem: BundleProblem, words: RegExp): void {
  const error = refusal(bytes);
  expect(error.code).toBe('invalid-bundle');
  expect(error.data.problem).toBe(problem);
  expect(error.message).toMatch(words);
}

describe('encodeBundleHeader / parseBundleHeader', () => {
  it('writes the version 2 header git writes', () => {
    const header = encodeBundleHeader([
      { name: 'refs/heads/main', oid: A },
      { name: 'HEAD', oid: A },
    ]);
    expect(new TextDecoder().decode(header)).toBe(`# v2 git bundle\n${A} refs/heads/main\n${A} HEAD\n\n`);
  });

  it('reads back any refs it wrote, the pack starting right after the header', () => {
    const oid = fc.stringMatching(/^[0-9a-f]{40}$/).map((value) => value as Oid);
    const name = fc.stringMatching(/^refs\/heads\/[A-Za-z0-9._-]{1,12}(\/[A-Za-z0-9._é-]{1,8})?$/);
    const refs = fc.uniqueArray(fc.record({ name, oid }), { selector: (ref) => ref.name, minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(refs, fc.uint8Array({ maxLength: 40 }), (written, pack) => {
        const header = encodeBundleHeader(written);
        const bytes = new Uint8Array([...header, ...pack]);
        const read = parseBundleHeader(bytes);
        expect(read).toEqual({ version: 2, capabilities: new Map(), prerequisites: [], refs: written, packOffset: header.length });
      }),
    );
  });

  it('reads prerequisites with and without a comment, and refs after them', () => {
    const header = `# v2 git bundle\n-${A} Add the inbox\n-${B}\n${B} refs/heads/main\n\n`;
    const read = parseBundleHeader(text(`${header}PACK`));
    expect(read.prerequisites).toEqual([A, B]);
    expect(read.refs).toEqual([{ name: 'refs/heads/main', oid: B }]);
    expect(read.packOffset).toBe(header.length);
  });

  it('reads a version 3 header with object-format=sha1', () => {
    const read = parseBundleHeader(text(`# v3 git bundle\n@object-format=sha1\n${A} refs/heads/main\n\n`));
    expect(read.version).toBe(3);
    expect(read.capabilities).toEqual(new Map([['object-format', 'sha1']]));
  });

  it('folds upper-case ids to lower case', () => {
    expect(parseBundleHeader(text(`# v2 git bundle\n${B.toUpperCase()} HEAD\n\n`)).refs).toEqual([{ name: 'HEAD', oid: B }]);
  });

  it('keeps one of a ref named twice with the same id, and refuses two different ids', () => {
    expect(parseBundleHeader(text(`# v2 git bundle\n${A} HEAD\n${A} HEAD\n\n`)).refs).toHaveLength(1);
    expectRefused(text(`# v2 git bundle\n${A} HEAD\n${B} HEAD\n\n`), 'corrupt', /twice/);
  });

  it('refuses what is not a bundle, saying what it seems to be', () => {
    expectRefused(new Uint8Array(), 'not-a-bundle', /^This file is not a Taskgit export \(a git bundle\): the file is empty\./);
    expectRefused(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0), 'not-a-bundle', /zip archive/);
    expectRefused(Uint8Array.of(0x1f, 0x8b, 8, 0), 'not-a-bundle', /gzip/);
    expectRefused(text('PACK\0\0\0\x02\0\0\0\0'), 'not-a-bundle', /bare git pack/);
    expectRefused(text('{"items": []}'), 'not-a-bundle', /JSON/);
    expectRefused(text('<!doctype html>'), 'not-a-bundle', /HTML/);
    expectRefused(text('# v2 git bundl'), 'not-a-bundle', /does not start with "# v2 git bundle"/);
  });

  it('refuses versions and capabilities it cannot read', () => {
    expectRefused(text(`# v4 git bundle\n${A} HEAD\n\n`), 'unsupported', /version 4/);
    expectRefused(text(`# v3 git bundle\n@object-format=sha256\n${A} HEAD\n\n`), 'unsupported', /sha256/);
    expectRefused(text(`# v3 git bundle\n@filter=blob:none\n${A} HEAD\n\n`), 'unsupported', /partial bundle/);
    expectRefused(text(`# v3 git bundle\n@shiny\n${A} HEAD\n\n`), 'unsupported', /"shiny"/);
  });

  it('refuses malformed or cut-short headers', () => {
    expectRefused(text(`# v2 git bundle\n${A} refs/heads/main\n`), 'corrupt', /cut short/);
    expectRefused(text('# v2 git bundle\n'), 'corrupt', /cut short/);
    expectRefused(text(`# v2 git bundle\n@object-format=sha1\n\n`), 'corrupt', /capability/);
    expectRefused(text(`# v2 git bundle\n${A.slice(1)} HEAD\n\n`), 'corrupt', /neither a ref nor a prerequisite/);
    expectRefused(text(`# v2 git bundle\n${A}\n\n`), 'corrupt', /neither a ref nor a prerequisite/);
    expectRefused(text(`# v2 git bundle\n${A} \n\n`), 'corrupt', /not a valid ref name/);
    expectRefused(text(`# v2 git bundle\n${A} refs/heads/a b\n\n`), 'corrupt', /not a valid ref name/);
    expectRefused(text(`# v2 git bundle\n-${A}x\n\n`), 'corrupt', /neither a ref nor a prerequisite/);
    expectRefused(new Uint8Array([...text(`# v2 git bundle\n${A} refs/`), 0xff, 0xfe, 0x0a, 0x0a]), 'corrupt', /not text/);
  });

  it('never throws anything but a BundleError, whatever follows the signature', () => {
    fc.assert(
      fc.property(fc.constantFrom('# v2 git bundle\n', '# v3 git bundle\n'), fc.uint8Array({ maxLength: 200 }), (signature, rest) => {
        try {
          parseBundleHeader(new Uint8Array([...text(signature), ...rest]));
        } catch (error) {
          expect(error).toBeInstanceOf(BundleError);
        }
      }),
    );
  });

  it('refuses to write a ref name git could not read back', () => {
    expect(() => encodeBundleHeader([{ name: 'refs/heads/a b', oid: A }])).toThrow(RangeError);
  });
});
