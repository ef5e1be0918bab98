// Hostile and broken files: each is refused with a BundleError (code 'invalid-bundle') that
// says in words what is wrong, and the store is left exactly as it was: the same refs, and
// none of the bundle's objects written.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { concatBytes, hashObject, type GitObject, type Oid, type Repo } from '../../store/index.ts';
import { encodePack, parsePack, type PackObject } from '../protocol/index.ts';
import { BundleError, type BundleProblem } from './bundle-error.ts';
import { encodeBundleHeader, parseBundleHeader, type BundleRef } from './bundle-header.ts';
import { at, closeStores, openStore, snapshot } from '../../../test/support/bundle-fixture.ts';
import { exportBundle } from './export-bundle.ts';
import { importBundle } from './import-bundle.ts';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const NOWHERE = '0123456789abcdef0123456789abcdef01234567' as Oid;

interface Fixture {
  bytes: Uint8Array;
  packOffset: number;
  objects: PackObject[];
  oids: Oid[];
  head: Oid;
}

/** A valid export of a small history, and its objects. */
async function makeBundle(): Promise<Fixture> {
  const source = await openStore();
  const main = await source.branch('main');
  await main.set('items/3f/3f01.json', '{\n  "title": "Buy milk"\n}\n', at('Add "Buy milk"', 1));
  await main.set('contacts/c1.json', '{\n  "name": "Ada"\n}\n', at('Add Ada', 2));
  const head = await main.set('items/3f/3f01.json', '{\n  "title": "Buy oat milk"\n}\n', at('Rename', 3));
  const bytes = await exportBundle(source.git);
  const { packOffset } = parseBundleHeader(bytes);
  const objects = await parsePack(bytes.subarray(packOffset), async () => undefined);
  return { bytes, packOffset, objects, oids: objects.map(({ oid }) => oid), head };
}

/** A bundle from a hand-made header and objects. */
function craft(refs: readonly BundleRef[], objects: readonly GitObject[], extraHeader = ''): Uint8Array {
  const header = new TextDecoder().decode(encodeBundleHeader(refs)).replace('# v2 git bundle\n', `# v2 git bundle\n${extraHeader}`);
  return concatBytes([text(header), encodePack(objects)]);
}

const plain = (objects: readonly PackObject[]): GitObject[] => objects.map(({ type, content }) => ({ type, content }));

let fixture: Fixture;
let targets: Array<{ label: string; repo: Repo }>;

beforeEach(async () => {
  fixture = await makeBundle();
  const withHistory = await openStore();
  await (await withHistory.branch('main')).set('mine.txt', 'my own\n', at('My own commit', 100));
  targets = [
    { label: 'an empty store', repo: await openStore() },
    { label: 'a store with history', repo: withHistory },
  ];
});

afterEach(closeStores);

/** Imports `bytes` into every target, expecting a refusal and no change; returns the errors. */
async function expectRefused(bytes: Uint8Array, problem?: BundleProblem): Promise<BundleError[]> {
  const errors: BundleError[] = [];
  for (const { label, repo } of targets) {
    const before = await snapshot(repo, fixture.oids);
    const error: unknown = await importBundle(repo.git, bytes).then(
      () => new Error(`${label}: the import succeeded`),
      (caught: unknown) => caught,
    );
    expect(error, label).toBeInstanceOf(BundleError);
    const bundleError = error as BundleError;
    expect(bundleError.code).toBe('invalid-bundle');
    if (problem !== undefined) expect(bundleError.data.problem, `${label}: ${bundleError.message}`).toBe(problem);
    expect(await snapshot(repo, fixture.oids), label).toEqual(before);
    errors.push(bundleError);
  }
  return errors;
}

describe('importBundle refuses bad files and changes nothing', () => {
  it('starts from stores that lack every object of the bundle (so a write would show)', async () => {
    for (const { repo } of targets) expect(await repo.git.objects.missing(fixture.oids)).toEqual(fixture.oids);
  });

  it('an empty file', async () => {
    const [error] = await expectRefused(new Uint8Array(), 'not-a-bundle');
    expect(error?.message).toBe(
      'This file is not a Taskgit export (a git bundle): the file is empty. Nothing was imported; choose a file made by "Export" (or `git bundle create`).',
    );
  });

  it('a zip, a gzip of a real bundle, a bare pack', async () => {
    const zip = concatBytes([Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0), fixture.bytes]);
    expect((await expectRefused(zip, 'not-a-bundle'))[0]?.message).toMatch(/^This file is not a Taskgit export \(a git bundle\): it is a zip archive\./);
    expect((await expectRefused(new Uint8Array(gzipSync(fixture.bytes)), 'not-a-bundle'))[0]?.message).toMatch(/gzip-compressed/);
    expect((await expectRefused(fixture.bytes.subarray(fixture.packOffset), 'not-a-bundle'))[0]?.message).toMatch(/bare git pack/);
  });

  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        await expectRefused(bytes, 'not-a-bundle');
      }),
      { numRuns: 40 },
    );
  });

  it('random bytes after a bundle signature', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('# v2 git bundle\n', '# v3 git bundle\n'), fc.uint8Array({ maxLength: 600 }), async (signature, rest) => {
        await expectRefused(concatBytes([text(signature), rest]));
      }),
      { numRuns: 40 },
    );
  });

  it('the bundle cut short, at every length', async () => {
    for (let length = 0; length < fixture.bytes.length; length++) {
      await expectRefused(fixture.bytes.subarray(0, length), length === 0 ? 'not-a-bundle' : undefined);
    }
  });

  it('a flipped byte anywhere in the pack', async () => {
    for (let offset = fixture.packOffset; offset < fixture.bytes.length; offset++) {
      const bytes = fixture.bytes.slice();
      bytes[offset] = (bytes[offset] as number) ^ 0x20;
      await expectRefused(bytes, 'corrupt');
    }
  });

  it('a flipped byte anywhere in the header', async () => {
    for (let offset = 0; offset < fixture.packOffset; offset++) {
      const bytes = fixture.bytes.slice();
      bytes[offset] = (bytes[offset] as number) ^ 0x01;
      const refs = (() => {
        try {
          return parseBundleHeader(bytes).refs;
        } catch {
          return undefined;
        }
      })();
      // Renaming a ref (refs/heads/main -> refs/heads/maio) leaves a bundle with one branch,
      // which imports; every other flip must be refused.
      if (refs?.every(({ oid }) => oid === fixture.head)) continue;
      await expectRefused(bytes);
    }
  });

  it('bytes after the pack, or two bundles end to end', async () => {
    await expectRefused(concatBytes([fixture.bytes, text('trailing')]), 'corrupt');
    await expectRefused(concatBytes([fixture.bytes, fixture.bytes]), 'corrupt');
  });

  it('a ref to an object that is not in the pack', async () => {
    const [error] = await expectRefused(craft([{ name: 'refs/heads/main', oid: NOWHERE }], plain(fixture.objects)), 'incomplete');
    expect(error?.message).toMatch(new RegExp(`^This file is not a complete Taskgit export \\(a git bundle\\): it refers to object ${NOWHERE}, which neither the file nor this device has`));
  });

  it('a pack that lacks one blob its trees name', async () => {
    const blob = fixture.objects.findIndex(({ type }) => type === 'blob');
    const objects = plain(fixture.objects.filter((_, i) => i !== blob));
    await expectRefused(craft([{ name: 'refs/heads/main', oid: fixture.head }], objects), 'incomplete');
  });

  it('a commit whose tree is a blob', async () => {
    const blob: GitObject = { type: 'blob', content: text('not a tree\n') };
    const blobId = hashObject(blob.type, blob.content).oid;
    const commit: GitObject = {
      type: 'commit',
      content: text(`tree ${blobId}\nauthor A <a@example.org> 1700000000 +0000\ncommitter A <a@example.org> 1700000000 +0000\n\nOdd\n`),
    };
    const commitId = hashObject(commit.type, commit.content).oid;
    await expectRefused(craft([{ name: 'refs/heads/main', oid: commitId }], [commit, blob]), 'corrupt');
  });

  it('a tree git refuses: ".git", a name twice', async () => {
    const blob: GitObject = { type: 'blob', content: text('x\n') };
    const blobId = hashObject(blob.type, blob.content).oid;
    const id = Uint8Array.from(blobId.match(/../g) ?? [], (hex) => parseInt(hex, 16));
    for (const [names, words] of [[['.git'], /an entry named "\.git"/], [['a', 'a'], /"a" twice/]] as const) {
      const tree: GitObject = { type: 'tree', content: concatBytes(names.map((name) => concatBytes([text(`100644 ${name}\0`), id]))) };
      const commit: GitObject = {
        type: 'commit',
        content: text(`tree ${hashObject('tree', tree.content).oid}\nauthor A <a@example.org> 1700000000 +0000\ncommitter A <a@example.org> 1700000000 +0000\n\nOdd\n`),
      };
      const commitId = hashObject(commit.type, commit.content).oid;
      const [error] = await expectRefused(craft([{ name: 'refs/heads/main', oid: commitId }], [commit, tree, blob]), 'corrupt');
      expect(error?.message).toMatch(words);
    }
  });

  it('a commit that cannot be decoded', async () => {
    const commit: GitObject = { type: 'commit', content: text('not a commit at all') };
    const commitId = hashObject(commit.type, commit.content).oid;
    await expectRefused(craft([{ name: 'refs/heads/main', oid: commitId }], [commit]), 'corrupt');
  });

  it('no usable ref: none, a blob, several branches none of them main', async () => {
    await expectRefused(craft([], plain(fixture.objects)), 'no-ref');
    const blob = fixture.objects.find(({ type }) => type === 'blob') as PackObject;
    await expectRefused(craft([{ name: 'refs/heads/main', oid: blob.oid }], plain(fixture.objects)), 'no-ref');
    const several = craft(
      [
        { name: 'refs/heads/a', oid: fixture.head },
        { name: 'refs/heads/b', oid: fixture.head },
      ],
      plain(fixture.objects),
    );
    expect((await expectRefused(several, 'no-ref'))[0]?.message).toMatch(/no branch "main", but 2 others \(a, b\)/);
  });

  it('a prerequisite this device does not have', async () => {
    const bytes = craft([{ name: 'refs/heads/main', oid: fixture.head }], plain(fixture.objects), `-${NOWHERE} Some base\n`);
    await expectRefused(bytes, 'missing-prerequisite');
  });

  it('a version 3 bundle of SHA-256 ids or with a filter, and a version 4 one', async () => {
    for (const capability of ['@object-format=sha256\n', '@filter=blob:none\n']) {
      const bytes = concatBytes([text(`# v3 git bundle\n${capability}${fixture.head} refs/heads/main\n\n`), fixture.bytes.subarray(fixture.packOffset)]);
      await expectRefused(bytes, 'unsupported');
    }
    const v4 = fixture.bytes.slice();
    v4[3] = 0x34;
    await expectRefused(v4, 'unsupported');
  });

  it('still imports the untouched bundle afterwards', async () => {
    for (const { repo } of targets) expect((await importBundle(repo.git, fixture.bytes)).kind).toMatch(/imported|merged/);
  });
});
