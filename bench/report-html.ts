// bench/report.html from the results files: for each measure, a chart of our figure, the
// baseline and their ratio over every run that has it, and the latest figures in words. One
// self-contained page: inline CSS and SVG, no script. Pure: results in, text out.
import { measuresOf, meetsGoal, type Measure } from './measures.ts';
import type { BenchResults } from './results-format.ts';
import { chartSvg, escapeXml, shown, type ChartPoint } from './svg-chart.ts';

/** One results file and the name it was read from. */
export interface NamedResults {
  file: string;
  results: BenchResults;
}

interface Series {
  latest: Measure;
  points: ChartPoint[];
}

/** Each measure's runs, oldest first, in the order measures first appear. */
function seriesByMeasure(runs: readonly NamedResults[]): Map<string, Series> {
  const byMeasure = new Map<string, Series>();
  const ordered = [...runs].sort((a, b) => (a.results.date < b.results.date ? -1 : a.results.date > b.results.date ? 1 : 0));
  for (const { results } of ordered) {
    for (const measure of measuresOf(results).measures) {
      const point = { date: results.date, ours: measure.ours, baseline: measure.baseline.value, ratio: measure.ratio };
      const series = byMeasure.get(measure.id);
      if (series) {
        series.points.push(point);
        series.latest = measure;
      } else byMeasure.set(measure.id, { latest: measure, points: [point] });
    }
  }
  return byMeasure;
}

function section({ latest, points }: Series): string {
  const { goal } = latest;
  const verdict = goal ? (meetsGoal(latest.ratio, goal) ? '<span class="met">goal met</span>' : '<span class="missed">goal missed</span>') : 'reference';
  const words =
    `latest: ours ${shown(latest.ours)} ${latest.unit}, ${escapeXml(latest.baseline.name)} ${shown(latest.baseline.value)} ${latest.unit}, ` +
    `ratio ${shown(latest.ratio)}${goal ? ` (goal ${goal.kind === 'at-most' ? '≤' : '≥'} ${goal.value})` : ''}: ${verdict}; ${points.length} run${points.length === 1 ? '' : 's'}`;
  const chart = chartSvg(points, { unit: latest.unit, baselineName: latest.baseline.name, ...(goal ? { goal } : {}) });
  return `<section>\n<h2>${escapeXml(latest.label)}</h2>\n<p>${words}</p>\n${chart}\n</section>`;
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:760px}
h1{font-size:20px}h2{font-size:16px;margin:28px 0 4px}p{margin:0 0 8px}
svg text{font:11px system-ui,sans-serif;fill:#555}svg .caption{fill:#222}
svg .panel{fill:#f7f8fa;stroke:#dde1e6}svg .goal{stroke:#c62828;stroke-width:1.5;stroke-dasharray:6 4}
.met{color:#2e7d32}.missed{color:#c62828;font-weight:bold}.key span{margin-right:16px}`;

/** The whole page. */
export function reportHtml(runs: readonly NamedResults[]): string {
  const series = [...seriesByMeasure(runs).values()];
  const files = runs.map((run) => escapeXml(run.file)).join(', ');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Taskgit benchmarks over time</title><style>${STYLE}</style></head>
<body>
<h1>Taskgit benchmarks over time</h1>
<p>From ${runs.length} results file${runs.length === 1 ? '' : 's'} in bench/results (${files}). Each chart: our figure (blue) and the
baseline measured in the same run (grey, dashed) above; their ratio below, green when it meets the goal (red dashed line), red when not.</p>
${series.map(section).join('\n')}
</body>
</html>
`;
}
