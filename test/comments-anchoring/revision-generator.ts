// A long document and a later revision of it with the edits real books get: typo fixes, lines
// re-wrapped in the source, paragraphs inserted, deleted, split and merged, sentences moved to
// other paragraphs, every id renumbered. Each word keeps the id of the word it came from, so the
// two revisions alone say where any quoted words went. Seeded: a seed gives the same revisions.

/** A word of the document; `origin` is the id of the first revision's word it descends from (`null`: new). */
export interface Word {
  text: string;
  origin: number | null;
}

/** A paragraph: its sentences, each a list of words. */
export type Paragraph = Word[][];

/** One revision: paragraphs in order, and the source line width its HTML is wrapped at. */
export interface Revision {
  paragraphs: Paragraph[];
  wrap: number;
  idPrefix: string;
}

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'ri', 'ten', 'mar', 'os', 'vi', 'den', 'sa', 'pol', 'ur', 'ne', 'tho', 'gra', 'fel', 'in', 'com', 'ba', 'ist', 'ly'];
const COMMON = ['the', 'of', 'and', 'a', 'to', 'in', 'is', 'that', 'it', 'was', 'for', 'on', 'as', 'with', 'his', 'they', 'at', 'be', 'this', 'from'];

/** Words with a Zipf-like frequency: a few very common ones (which make short quotes ambiguous), many rare ones. */
function vocabulary(next: () => number): () => string {
  const rare = Array.from({ length: 2500 }, () => Array.from({ length: 1 + Math.floor(next() * 3) }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join(''));
  const words = [...COMMON, ...rare];
  return () => words[Math.min(words.length - 1, Math.floor(Math.pow(next(), 2.2) * words.length))] as string;
}

/** The first revision: `count` paragraphs of 2-6 sentences of 5-18 words. */
export function makeDocument(seed: number, count: number): Revision {
  const next = random(seed);
  const word = vocabulary(next);
  let id = 0;
  const sentence = (): Word[] => {
    const words = Array.from({ length: 5 + Math.floor(next() * 14) }, () => ({ text: word(), origin: id++ }));
    const first = words[0] as Word;
    first.text = first.text[0]?.toUpperCase() + first.text.slice(1);
    (words.at(-1) as Word).text += next() < 0.8 ? '.' : '?';
    if (words.length > 8 && next() < 0.5) (words[4] as Word).text += ',';
    return words;
  };
  const paragraphs = Array.from({ length: count }, () => Array.from({ length: 2 + Math.floor(next() * 5) }, sentence));
  return { paragraphs, wrap: 72, idPrefix: 'p' };
}

/** Applies a mix of real edits to a copy of `revision`; new words get no origin. */
export function makeRevision(revision: Revision, seed: number): Revision {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const word = vocabulary(next);
  const paragraphs: Paragraph[] = revision.paragraphs.map((paragraph) => paragraph.map((sentence) => sentence.map((w) => ({ ...w }))));
  const count = paragraphs.length;
  // Typo fixes: one letter of a word changed, its origin kept.
  for (let i = 0; i < Math.ceil(count / 6); i++) {
    const target = pick(pick(pick(paragraphs)));
    const at = Math.floor(next() * Math.max(1, target.text.length - 1));
    target.text = `${target.text.slice(0, at)}${String.fromCharCode(97 + Math.floor(next() * 26))}${target.text.slice(at + 1)}`;
  }
  // Sentences moved to another paragraph.
  for (let i = 0; i < Math.ceil(count / 12); i++) {
    const from = pick(paragraphs);
    if (from.length < 2) continue;
    const [moved] = from.splice(Math.floor(next() * from.length), 1);
    const to = pick(paragraphs);
    to.splice(Math.floor(next() * (to.length + 1)), 0, moved as Word[]);
  }
  // Paragraphs split at a sentence, and merged with the next.
  for (let i = 0; i < Math.ceil(count / 15); i++) {
    const at = Math.floor(next() * paragraphs.length);
    const paragraph = paragraphs[at] as Paragraph;
    const cut = 1 + Math.floor(next() * (paragraph.length - 1));
    if (paragraph.length >= 2) paragraphs.splice(at, 1, paragraph.slice(0, cut), paragraph.slice(cut));
  }
  for (let i = 0; i < Math.ceil(count / 15); i++) {
    const at = Math.floor(next() * (paragraphs.length - 1));
    paragraphs.splice(at, 2, [...(paragraphs[at] as Paragraph), ...(paragraphs[at + 1] as Paragraph)]);
  }
  // Paragraphs deleted, and new ones inserted.
  for (let i = 0; i < Math.ceil(count / 15); i++) paragraphs.splice(Math.floor(next() * paragraphs.length), 1);
  for (let i = 0; i < Math.ceil(count / 12); i++) {
    const fresh = Array.from({ length: 1 + Math.floor(next() * 3) }, () => Array.from({ length: 6 + Math.floor(next() * 10) }, () => ({ text: word(), origin: null })));
    paragraphs.splice(Math.floor(next() * (paragraphs.length + 1)), 0, fresh);
  }
  return { paragraphs: paragraphs.filter((paragraph) => paragraph.length > 0), wrap: 40 + Math.floor(next() * 60), idPrefix: 'sec' };
}

/** The revision as a book site would serve it: `<p id>` blocks, source lines wrapped at `wrap`, some words in `<em>`. */
export function renderRevision(revision: Revision): string {
  return revision.paragraphs
    .map((paragraph, index) => {
      const words = paragraph.flat().map((w, i) => (i % 17 === 5 ? `<em>${w.text}</em>` : w.text));
      const lines: string[] = [];
      let line = '';
      for (const w of words) {
        if (line.length + w.length > revision.wrap && line !== '') {
          lines.push(line);
          line = w;
        } else line = line === '' ? w : `${line} ${w}`;
      }
      lines.push(line);
      return `<p id="${revision.idPrefix}-${index + 1}">\n    ${lines.join('\n    ')}\n</p>`;
    })
    .join('\n');
}

/** Each paragraph's words as one list, and the character offset in its normalised text where each word starts. */
export function wordOffsets(paragraph: Paragraph): Array<{ word: Word; start: number; end: number }> {
  let at = 0;
  return paragraph.flat().map((word) => {
    const entry = { word, start: at, end: at + word.text.length };
    at = entry.end + 1;
    return entry;
  });
}
