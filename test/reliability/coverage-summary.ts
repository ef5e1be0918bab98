// Prints the line coverage of each folder of src/ from `npm run coverage`'s json-summary, and
// fails (exit code 1) when src/store or src/sync is under the goal.
// Usage: npx tsx test/reliability/coverage-summary.ts [coverage/coverage-summary.json]
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coverageByFolder, type FileCoverage } from './coverage-folders.ts';

/** The folders the goal applies to, and the goal: at least this percentage of lines covered. */
const GOAL = { folders: ['src/store', 'src/sync'], percent: 85 } as const;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function main(): Promise<void> {
  const file = resolve(process.argv[2] ?? resolve(ROOT, 'coverage/coverage-summary.json'));
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new Error(`Cannot read ${file} (${error instanceof Error ? error.message : String(error)}): run \`npm run coverage\` first.`);
  });
  const folders = coverageByFolder(JSON.parse(text) as Record<string, FileCoverage>, ROOT);
  const missed: string[] = [];
  process.stdout.write('folder          lines covered / total   files\n');
  for (const { folder, files, covered, total, percent } of folders) {
    const goal = (GOAL.folders as readonly string[]).includes(folder);
    if (goal && percent < GOAL.percent) missed.push(`${folder} ${percent}%`);
    const mark = goal ? (percent >= GOAL.percent ? `  (goal >= ${GOAL.percent}%: met)` : `  (goal >= ${GOAL.percent}%: MISSED)`) : '';
    process.stdout.write(`${folder.padEnd(14)} ${`${percent.toFixed(1)}%`.padStart(6)} ${`${covered} / ${total}`.padStart(15)} ${String(files).padStart(7)}${mark}\n`);
  }
  for (const folder of GOAL.folders) if (!folders.some((entry) => entry.folder === folder)) missed.push(`${folder} (no coverage data)`);
  if (missed.length > 0) {
    process.stderr.write(`Line coverage under ${GOAL.percent}%: ${missed.join(', ')}\n`);
    process.exitCode = 1;
  }
}

await main();
