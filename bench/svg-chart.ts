// One measure's history as an inline SVG: our figure and the baseline over the runs (top), and
// their ratio with the goal drawn as a dashed line (bottom), so a regression shows as a step.
// Pure: text in, text out.
import type { Goal } from './measures.ts';

/** One run of one measure. */
export interface ChartPoint {
  /** ISO date of the run. */
  date: string;
  ours: number;
  baseline: number;
  ratio: number;
}

/** What the chart says around its points. */
export interface ChartLabels {
  unit: string;
  baselineName: string;
  goal?: Goal;
}

const WIDTH = 720;
const LEFT = 84;
const RIGHT = 16;
const PANEL = { figures: { top: 12, height: 120 }, ratio: { top: 168, height: 90 } } as const;
const HEIGHT = 292;

/** Text safe inside SVG and HTML. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A figure with two decimals under 100, none above (axis labels stay short). */
export function shown(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 });
}

/** A y scale from 0 (or below, for negative values) to above the largest value, over a panel. */
function scale(values: readonly number[], panel: { top: number; height: number }) {
  const low = Math.min(...values, 0);
  const high = Math.max(...values) * 1.1 || 1;
  return (value: number) => panel.top + panel.height - ((value - low) / (high - low)) * panel.height;
}

function xOf(index: number, count: number): number {
  return count === 1 ? (LEFT + WIDTH - RIGHT) / 2 : LEFT + (index * (WIDTH - LEFT - RIGHT)) / (count - 1);
}

function polyline(points: ReadonlyArray<[number, number]>, color: string, dashed = false): string {
  const path = points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
  return `<polyline fill="none" stroke="${color}" stroke-width="2"${dashed ? ' stroke-dasharray="4 3"' : ''} points="${path}"/>`;
}

function dot(x: number, y: number, color: string, title: string): string {
  return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4" fill="${color}"><title>${escapeXml(title)}</title></circle>`;
}

function axisLabel(y: number, text: string): string {
  return `<text x="${LEFT - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end">${escapeXml(text)}</text>`;
}

function meets(ratio: number, goal: Goal | undefined): boolean {
  return goal === undefined || (goal.kind === 'at-most' ? ratio <= goal.value : ratio >= goal.value);
}

/** The chart of `points` (oldest first), as an `<svg>` element. */
export function chartSvg(points: readonly ChartPoint[], labels: ChartLabels): string {
  const count = points.length;
  const figures = scale(points.flatMap((point) => [point.ours, point.baseline]), PANEL.figures);
  const ratios = scale([...points.map((point) => point.ratio), ...(labels.goal ? [labels.goal.value] : [])], PANEL.ratio);
  const top = Math.max(...points.flatMap((point) => [point.ours, point.baseline]));
  const ratioTop = Math.max(...points.map((point) => point.ratio), labels.goal?.value ?? 0);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img">`,
    `<rect x="${LEFT}" y="${PANEL.figures.top}" width="${WIDTH - LEFT - RIGHT}" height="${PANEL.figures.height}" class="panel"/>`,
    `<rect x="${LEFT}" y="${PANEL.ratio.top}" width="${WIDTH - LEFT - RIGHT}" height="${PANEL.ratio.height}" class="panel"/>`,
    axisLabel(figures(top), `${shown(top)} ${labels.unit}`),
    axisLabel(figures(0), `0 ${labels.unit}`),
    axisLabel(ratios(ratioTop), `${shown(ratioTop)}`),
    axisLabel(ratios(0), '0'),
    `<text x="${LEFT}" y="${PANEL.ratio.top - 8}" class="caption">ratio${labels.goal ? ` (goal ${labels.goal.kind === 'at-most' ? '≤' : '≥'} ${shown(labels.goal.value)})` : ''}</text>`,
  ];
  if (labels.goal) {
    const y = ratios(labels.goal.value);
    parts.push(`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" class="goal"><title>goal ${shown(labels.goal.value)}</title></line>`);
  }
  parts.push(polyline(points.map((point, index) => [xOf(index, count), figures(point.baseline)]), '#8a8f98', true));
  parts.push(polyline(points.map((point, index) => [xOf(index, count), figures(point.ours)]), '#1f5fa8'));
  parts.push(polyline(points.map((point, index) => [xOf(index, count), ratios(point.ratio)]), '#444'));
  points.forEach((point, index) => {
    const x = xOf(index, count);
    parts.push(dot(x, figures(point.baseline), '#8a8f98', `${point.date}: ${labels.baselineName} ${shown(point.baseline)} ${labels.unit}`));
    parts.push(dot(x, figures(point.ours), '#1f5fa8', `${point.date}: ours ${shown(point.ours)} ${labels.unit}`));
    const ok = meets(point.ratio, labels.goal);
    parts.push(dot(x, ratios(point.ratio), ok ? '#2e7d32' : '#c62828', `${point.date}: ratio ${shown(point.ratio)}${ok ? '' : ' (goal missed)'}`));
  });
  const first = points[0];
  const last = points.at(-1);
  if (first) parts.push(`<text x="${LEFT}" y="${HEIGHT - 8}">${escapeXml(first.date.slice(0, 16).replace('T', ' '))}</text>`);
  if (last && count > 1) parts.push(`<text x="${WIDTH - RIGHT}" y="${HEIGHT - 8}" text-anchor="end">${escapeXml(last.date.slice(0, 16).replace('T', ' '))}</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}
