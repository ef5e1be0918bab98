// `npm run bench:report`: reads every bench/results/*.json (any version) and writes
// bench/report.html, a chart per measure of its figures and ratio over time.
// Usage: npx tsx bench/report.ts [--out <file>]
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportHtml, type NamedResults } from './report-html.ts';
import type { BenchResults } from './results-format.ts';

const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const DEFAULT_OUT = fileURLToPath(new URL('./report.html', import.meta.url));

async function readResults(): Promise<NamedResults[]> {
  const names = (await readdir(RESULTS)).filter((name) => name.endsWith('.json')).sort();
  const runs: NamedResults[] = [];
  for (const file of names) {
    const text = await readFile(join(RESULTS, file), 'utf8');
    try {
      runs.push({ file, results: JSON.parse(text) as BenchResults });
    } catch (error) {
      throw new Error(`bench/results/${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return runs;
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--out');
  const out = at === -1 ? DEFAULT_OUT : resolve(process.argv[at + 1] ?? DEFAULT_OUT);
  const runs = await readResults();
  if (runs.length === 0) throw new Error('bench/results holds no results: run `npm run bench` first.');
  await writeFile(out, reportHtml(runs));
  process.stdout.write(`wrote ${out} from ${runs.length} results files\n`);
}

await main();
