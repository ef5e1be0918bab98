// Just enough of source maps (v3) for the CPU profile: which source file a position in the built
// bench page comes from, so self time can be summed per module (pako, @noble/hashes, idb, each
// file of src/). Decodes the `mappings` VLQs into, per generated line, its segments' start columns
// and source indexes.

/** Finds the source file of a 0-based line and column of the generated file. */
export type SourceLookup = (line: number, column: number) => string | undefined;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, value) => [char, value]));

/** Decodes one segment's base64 VLQ fields. */
function decodeSegment(segment: string): number[] {
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`bad source map character ${char}`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    fields.push(value & 1 ? -Math.floor(value / 2) : Math.floor(value / 2));
    value = 0;
    shift = 0;
  }
  return fields;
}

/** Reads a source map's JSON text into a lookup; `shorten` rewrites each source path it names. */
export function readSourceMap(json: string, shorten: (source: string) => string = (source) => source): SourceLookup {
  const map = JSON.parse(json) as { sources: string[]; mappings: string };
  const sources = map.sources.map(shorten);
  // Per generated line: start columns ascending, and the source index of each.
  const lines: Array<{ columns: number[]; sources: number[] }> = [];
  let source = 0;
  for (const text of map.mappings.split(';')) {
    const line = { columns: [] as number[], sources: [] as number[] };
    let column = 0;
    for (const segment of text ? text.split(',') : []) {
      const fields = decodeSegment(segment);
      column += fields[0] ?? 0;
      if (fields.length < 4) continue; // a segment mapped to no source
      source += fields[1] ?? 0;
      line.columns.push(column);
      line.sources.push(source);
    }
    lines.push(line);
  }
  return (lineNumber, columnNumber) => {
    const line = lines[lineNumber];
    if (!line || line.columns.length === 0) return undefined;
    let low = 0;
    let high = line.columns.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((line.columns[middle] as number) <= columnNumber) low = middle;
      else high = middle - 1;
    }
    return sources[line.sources[low] as number];
  };
}
