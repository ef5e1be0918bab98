/** Bytes of an id in a tree entry. */
const ID_BYTES = 20;
/** Bytes of a tree's start that pick the earlier version it is compared with (up to its first NUL). */
const KEY_BYTES = 64;

/** A tree's bytes copied to the start of a buffer of whole 4-byte words (the last padded with zeros). */
interface Words {
  bytes: Uint8Array;
  words: Int32Array;
}

function wordsFor(size: number): Words {
  const buffer = new ArrayBuffer(Math.ceil(size / 4) * 4);
  return { bytes: new Uint8Array(buffer, 0, size), words: new Int32Array(buffer) };
}

/**
 * One tree a fetch checked, and where each id it named lies: told ids' offsets (in order), whether
 * each must be a tree, and the entry (of the closure's id table) each was found as; and the
 * entries of its sub-trees, an array shared by its versions until one changes them.
 */
export class CheckedTree {
  constructor(
    public copy: Words,
    readonly idAts: Int32Array,
    readonly isTree: Uint8Array,
    readonly entries: Int32Array,
    public subtrees: Int32Array,
  ) {}

  get size(): number {
    return this.copy.bytes.length;
  }
}

/**
 * The larger trees a fetch checked, each kept (a copy) under its length and its first entry's mode
 * and name, so that its next version, when it differs only in ids, is checked by difference: a
 * pull's trees are mostly their previous version's entries again (the bench's `items/` tree names
 * 256 shards, one of them changed). Bytes are compared four at a time. At most `maxBytes` are
 * kept; past that, all are let go.
 */
export class TreeVersions {
  private readonly byKey = new Map<number, CheckedTree>();
  private keptBytes = 0;
  /** The tree being compared, copied to whole words; it becomes the kept copy when it matches. */
  private scratch: Words = wordsFor(0);

  constructor(
    /** Trees under this size are checked in full each time: their copy would cost more than it saves. */
    private readonly minBytes: number,
    private readonly maxBytes: number,
  ) {}

  /**
   * The checked tree `content` is a version of, if one is kept: the same length, the same bytes
   * outside the ids it told (the same modes and names at the same places; git's rules read only
   * those, so `content` keeps them as that one did). `changed` is told each id that differs, by
   * its number there, once the whole layout is known to be the same.
   */
  versionOf(content: Uint8Array, changed: (tree: CheckedTree, k: number) => void): CheckedTree | undefined {
    if (content.length < this.minBytes) return undefined;
    const kept = this.byKey.get(keyOf(content));
    if (kept === undefined || kept.size !== content.length) return undefined;
    const ids = this.differingIds(content, kept);
    if (ids === undefined) return undefined;
    for (let i = 0; i < ids.length; i++) changed(kept, ids[i] as number);
    // The copy just made is the tree's bytes now; the old one is the next comparison's scratch.
    const old = kept.copy;
    kept.copy = this.scratch;
    this.scratch = old;
    return kept;
  }

  /** Whether a tree of this size is kept once checked in full. */
  keeps(content: Uint8Array): boolean {
    return content.length >= this.minBytes && content.length <= this.maxBytes;
  }

  /** Keeps a tree checked in full (its bytes copied; the arrays are taken as they are). */
  keep(content: Uint8Array, idAts: Int32Array, isTree: Uint8Array, entries: Int32Array, subtrees: Int32Array): void {
    const key = keyOf(content);
    const before = this.byKey.get(key);
    if (before !== undefined) this.keptBytes -= before.size;
    if (this.keptBytes + content.length > this.maxBytes) {
      this.byKey.clear();
      this.keptBytes = 0;
    }
    const copy = wordsFor(content.length);
    copy.bytes.set(content);
    this.byKey.set(key, new CheckedTree(copy, idAts, isTree, entries, subtrees));
    this.keptBytes += content.length;
  }

  /**
   * The numbers of `kept`'s ids that differ in `content` (of its size), or undefined when a byte
   * outside them differs. `content` is left copied in the scratch words.
   */
  private differingIds(content: Uint8Array, kept: CheckedTree): number[] | undefined {
    if (this.scratch.bytes.length !== content.length) this.scratch = wordsFor(content.length);
    this.scratch.bytes.set(content);
    const ours = this.scratch.words;
    const theirs = kept.copy.words;
    const oursBytes = this.scratch.bytes;
    const theirsBytes = kept.copy.bytes;
    const size = content.length;
    const idAts = kept.idAts;
    const out: number[] = [];
    let k = 0;
    for (let w = 0; w < ours.length; w++) {
      if (ours[w] === theirs[w]) continue;
      // Not past the last byte: reading a typed array out of bounds makes V8 drop the optimized code.
      for (let at = 4 * w; at < 4 * w + 4 && at < size; at++) {
        if (oursBytes[at] === theirsBytes[at]) continue;
        // Differing bytes come in order, as ids do: move on to the id that may hold this one.
        while (k < idAts.length && (idAts[k] as number) + ID_BYTES <= at) k++;
        if (k === idAts.length || at < (idAts[k] as number)) return undefined;
        if (out[out.length - 1] !== k) out.push(k);
      }
    }
    return out;
  }
}

/** A number for a tree's length and its first entry's mode and name. */
function keyOf(content: Uint8Array): number {
  let key = content.length | 0;
  const end = Math.min(content.length, KEY_BYTES);
  for (let i = 0; i < end; i++) {
    const byte = content[i] as number;
    if (byte === 0) break;
    key = Math.imul(key ^ byte, 16777619);
  }
  return key;
}
