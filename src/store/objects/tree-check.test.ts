import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTreeProblem } from './tree-check.ts';

const latin1 = (bytes: Uint8Array): string => String.fromCharCode(...bytes);
const quoted = (name: string): string => JSON.stringify(name.slice(0, 80).replace(/[^\x20-\x7e]/g, '?'));

/**
 * Git's tree rules written plainly, with strings and a set, as the reference the one-pass
 * reader must agree with word for word: the problem, and the ids told before it.
 */
function referenceCheck(content: Uint8Array): { problem: string | undefined; links: Array<[number, boolean]> } {
  const links: Array<[number, boolean]> = [];
  const files = new Set<string>();
  let previous: { name: string; isTree: boolean } | undefined;
  for (let start = 0; start < content.length; ) {
    const space = content.indexOf(0x20, start);
    const nul = space < 0 ? -1 : content.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 21 > content.length) return { problem: 'an entry is cut short', links };
    const mode = latin1(content.subarray(start, space));
    const shownMode = JSON.stringify(mode.slice(0, 8));
    if (!/^[0-7]{5,6}$/.test(mode)) return { problem: `an entry has the mode ${shownMode}, which is not 5 or 6 octal digits`, links };
    if (mode.startsWith('0')) return { problem: `an entry has the zero-padded mode ${shownMode}`, links };
    const name = latin1(content.subarray(space + 1, nul));
    if (name === '') return { problem: 'an entry has an empty name', links };
    if (name.includes('/')) return { problem: `an entry's name ${quoted(name)} holds "/"`, links };
    if (['.', '..', '.git'].includes(name.toLowerCase())) return { problem: `it holds an entry named ${quoted(name)}`, links };
    const isTree = mode === '40000';
    if (previous) {
      // git's order: by name bytes, a folder's name as if followed by "/"; one name twice whatever the modes.
      if (previous.name === name) return { problem: `it holds ${quoted(name)} twice`, links };
      const key = (entry: { name: string; isTree: boolean }): string => (entry.isTree ? `${entry.name}/` : entry.name);
      if (key(previous) > key({ name, isTree })) return { problem: `its entries are not in git's order (${quoted(previous.name)} before ${quoted(name)})`, links };
    }
    // Entries in order between a file and a folder of its name all start with that name.
    if (isTree && files.has(name)) return { problem: `it holds ${quoted(name)} twice`, links };
    if (!isTree) files.add(name);
    if (mode !== '160000') links.push([nul + 1, isTree]);
    previous = { name, isTree };
    start = nul + 21;
  }
  return { problem: undefined, links };
}

const modeArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('100644', '40000', '100755', '120000', '160000') },
  { weight: 1, arbitrary: fc.constantFrom('040000', '10064', '1006449', '100648', '40755', '4000', '', '4 000') },
);
/**
 * Short names, mostly of "a" and "-" (which sorts before "/": a file `a`, then `a-b`, then a folder
 * `a`), and the rest of an alphabet that reaches every rule: dots, "/", `.git` in any case, bytes
 * over 0x7f.
 */
const charArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', '-') },
  { weight: 1, arbitrary: fc.constantFrom('b', '.', 'g', 'G', 'i', 'I', 't', 'T', '/', '\u00e9') },
);
const nameArb = fc.array(charArb, { maxLength: 4 }).map((chars) => chars.join(''));
const entryArb = fc.record({ mode: modeArb, name: nameArb, id: fc.integer({ min: 0, max: 255 }) });

function treeContent(entries: ReadonlyArray<{ mode: string; name: string; id: number }>, sorted: boolean, cut: number): Uint8Array {
  const ordered = sorted ? [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)) : entries;
  const bytes = ordered.flatMap(({ mode, name, id }) => [...`${mode} ${name}\0`].map((char) => char.charCodeAt(0)).concat(new Array<number>(20).fill(id)));
  return Uint8Array.from(bytes.slice(0, bytes.length - cut));
}

function key(entry: { mode: string; name: string }): string {
  return entry.mode === '40000' ? `${entry.name}/` : entry.name;
}

describe('findTreeProblem in one pass', () => {
  it('says what the plain reference says, and tells the same ids before the first problem (property)', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 8 }), fc.boolean(), fc.constantFrom(0, 0, 0, 1, 21, 25), (entries, sorted, cut) => {
        const content = treeContent(entries, sorted, cut);
        const told: Array<[number, boolean]> = [];
        const problem = findTreeProblem(content, (idAt, isTree) => told.push([idAt, isTree]));
        expect({ problem, links: told }).toEqual(referenceCheck(content));
      }),
      { numRuns: 3000 },
    );
  });

  it('tells each id of a well-formed tree, skipping gitlinks', () => {
    const content = treeContent(
      [
        { mode: '100644', name: 'a', id: 1 },
        { mode: '40000', name: 'b', id: 2 },
        { mode: '160000', name: 'c', id: 3 },
        { mode: '120000', name: 'd', id: 4 },
      ],
      false,
      0,
    );
    const told: Array<[number, boolean]> = [];
    expect(findTreeProblem(content, (idAt, isTree) => told.push([idAt, isTree]))).toBeUndefined();
    expect(told.map(([idAt, isTree]) => [content[idAt], isTree])).toEqual([
      [1, false],
      [2, true],
      [4, false],
    ]);
  });
});
