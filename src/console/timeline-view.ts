/**
 * Draws a Deployment's timeline (timeline.ts) as an SVG step chart: time across, pods up; per ReplicaSet
 * a solid line for desired pods and a dashed one for available pods, one colour per ReplicaSet (named
 * in the legend). A table of the same numbers follows in a <details> for screen readers and for exact values.
 */
import { h } from './dom.js';
import type { Sample } from './timeline.js';

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 560;
const HEIGHT = 160;
const PAD = 28;
const COLOURS = ['#0a58ca', '#b45309', '#6d28d9', '#047857', '#be123c'];

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** hh:mm:ss of a cluster time (UTC, as the cluster's timestamps are). */
const clockText = (ms: number): string => new Date(ms).toISOString().slice(11, 19);

/**
 * The chart and its table for one Deployment's samples; with fewer than two samples (nothing has changed
 * since the page opened) a line saying when the chart will start instead. The axis is labelled with the
 * cluster time at both ends; the table counts seconds from the stated start.
 */
export function timelineChart(name: string, samples: Sample[]): HTMLElement {
  if (samples.length < 2) {
    return h('p', { class: 'meta timeline-note' }, `Timeline: the page charts ${name}'s ReplicaSets from what it sees happen while open; it starts at their next change (a rollout or a scale).`);
  }
  const names = [...new Set(samples.flatMap((s) => Object.keys(s.sizes)))].reverse();
  const start = (samples[0] as Sample).timeMs;
  const span = Math.max(1000, (samples.at(-1) as Sample).timeMs - start);
  const top = Math.max(1, ...samples.flatMap((s) => Object.values(s.sizes).map((z) => z.desired)));
  const x = (t: number): number => PAD + ((t - start) / span) * (WIDTH - 2 * PAD);
  const y = (n: number): number => HEIGHT - PAD - (n / top) * (HEIGHT - 2 * PAD);
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': `Pods per ReplicaSet of ${name} over time`, class: 'timeline' });
  chart.appendChild(svg('line', { x1: PAD, y1: y(0), x2: WIDTH - PAD, y2: y(0), stroke: '#6b7280' }));
  chart.appendChild(svg('text', { x: 4, y: y(top) + 4, 'font-size': 11, fill: '#1b1f24' }, String(top)));
  chart.appendChild(svg('text', { x: 4, y: y(0) + 4, 'font-size': 11, fill: '#1b1f24' }, '0'));
  chart.appendChild(svg('text', { x: PAD, y: HEIGHT - 6, 'font-size': 11, fill: '#1b1f24' }, clockText(start)));
  chart.appendChild(svg('text', { x: WIDTH - PAD, y: HEIGHT - 6, 'font-size': 11, fill: '#1b1f24', 'text-anchor': 'end' }, `${clockText(start + span)} (+${Math.round(span / 1000)} s)`));
  names.forEach((rs, index) => {
    const colour = COLOURS[(names.length - 1 - index) % COLOURS.length] as string;
    for (const field of ['desired', 'available'] as const) {
      const points = steps(samples, rs, field).map(([t, n]) => `${x(t).toFixed(1)},${y(n).toFixed(1)}`).join(' ');
      chart.appendChild(svg('polyline', { points, fill: 'none', stroke: colour, 'stroke-width': field === 'desired' ? 2.5 : 1.5, 'stroke-dasharray': field === 'desired' ? '' : '5 3' }));
    }
  });
  const legend = h('ul', { class: 'timeline-legend' }, ...names.map((rs, index) =>
    h('li', { style: `border-color:${COLOURS[(names.length - 1 - index) % COLOURS.length]}` }, rs)));
  return h('figure', { class: 'timeline-figure' }, chart as unknown as Node, h('figcaption', {}, 'Pods per ReplicaSet (solid: desired, dashed: available)', legend), table(samples, names, start));
}

/** The points of a step line: each value holds until the next sample. */
function steps(samples: Sample[], rs: string, field: 'desired' | 'available'): [number, number][] {
  const points: [number, number][] = [];
  for (const sample of samples) {
    const value = sample.sizes[rs]?.[field] ?? 0;
    if (points.length > 0) points.push([sample.timeMs, (points.at(-1) as [number, number])[1]]);
    points.push([sample.timeMs, value]);
  }
  return points;
}

function table(samples: Sample[], names: string[], start: number): HTMLElement {
  return h('details', {}, h('summary', {}, 'Numbers'), h('table', {},
    h('caption', {}, `Seconds after ${new Date(start).toISOString().replace('.000Z', 'Z')} (cluster time)`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'time'), ...names.map((n) => h('th', { scope: 'col' }, `${n} desired/available`)))),
    h('tbody', {}, ...samples.map((s) => h('tr', {}, h('td', {}, `+${(s.timeMs - start) / 1000}s`),
      ...names.map((n) => h('td', {}, s.sizes[n] ? `${s.sizes[n].desired}/${s.sizes[n].available}` : '')))))));
}
