import type { Snapshot } from '../snapshot.ts';
import type { AnyRecord, RecordKind } from '../types.ts';
import { compareByName } from './collate.ts';
import { foldText, queryWords } from './fold-text.ts';
import { snippetAround } from './snippet.ts';

/** One search result. */
export interface SearchResult {
  id: string;
  kind: RecordKind;
  name: string;
  /** A short piece of the description around its first match, when the description matched. */
  snippet?: string;
}

/** How well one word matched, best (lowest) first. */
const TIER = { namePrefix: 0, nameWord: 1, nameSubstring: 2, description: 3 } as const;
type Tier = (typeof TIER)[keyof typeof TIER];

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Records whose name or description holds every word of `query` (ignoring case and accents),
 * best first: a word starting the name beats one starting a word of the name, which beats one
 * inside the name, which beats one only in the description. A record ranks by its worst
 * matching word, then by the sum over its words, then by name. At most `limit` results;
 * none for a blank query.
 *
 * @example
 * search(snapshot, 'cafe'); // [{ id, kind: 'action', name: 'Café with Ann' }, …]
 */
export function search(snapshot: Snapshot, query: string, limit = 20): SearchResult[] {
  const words = queryWords(query);
  if (words.length === 0 || limit <= 0) return [];
  const hits: { record: AnyRecord; worst: number; sum: number; inDescription: boolean }[] = [];
  for (const record of snapshot.records.values()) {
    const name = foldText(record.name);
    const description = record.description ? foldText(record.description) : '';
    let worst = 0;
    let sum = 0;
    let inDescription = false;
    for (const word of words) {
      const tier = nameTier(name, word) ?? (description.includes(word) ? TIER.description : undefined);
      if (tier === undefined) {
        worst = -1;
        break;
      }
      worst = Math.max(worst, tier);
      sum += tier;
      inDescription ||= description.includes(word);
    }
    if (worst >= 0) hits.push({ record, worst, sum, inDescription });
  }
  hits.sort((a, b) => a.worst - b.worst || a.sum - b.sum || compareByName(a.record, b.record));
  return hits.slice(0, limit).map(({ record, inDescription }) => {
    const result: SearchResult = { id: record.id, kind: record.kind, name: record.name };
    const snippet = inDescription && record.description ? snippetAround(record.description, words) : undefined;
    if (snippet !== undefined) result.snippet = snippet;
    return result;
  });
}

/** Where `word` is in the folded `name`, or `undefined` when it is not. */
function nameTier(name: string, word: string): Tier | undefined {
  let at = name.indexOf(word);
  if (at < 0) return undefined;
  if (at === 0) return TIER.namePrefix;
  for (; at >= 0; at = name.indexOf(word, at + 1)) {
    if (!WORD_CHAR.test(name.charAt(at - 1)) || !WORD_CHAR.test(word.charAt(0))) return TIER.nameWord;
  }
  return TIER.nameSubstring;
}
