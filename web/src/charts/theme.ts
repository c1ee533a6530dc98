import { countTicks } from './formatters';

// Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
export const palette = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  black: '#000000',
  grey: '#6b7280',
  grid: '#e5e7eb',
} as const;

export const seriesColors = [
  palette.blue,
  palette.orange,
  palette.green,
  palette.vermillion,
  palette.skyBlue,
  palette.purple,
  palette.yellow,
  palette.black,
] as const;

export const severityColors: Record<string, string> = {
  SEV1: palette.vermillion,
  SEV2: palette.orange,
  SEV3: palette.skyBlue,
  SEV4: palette.blue,
};

export const chartHeight = 260;

export const axisTick = { fontSize: 12, fill: '#374151' } as const;

/** Heat-map fill for a gap count: white → vermillion, in 5 steps so cells stay readable. */
export function heatColor(value: number, max: number): string {
  if (value <= 0 || max <= 0) return '#ffffff';
  const steps = heatSteps;
  const i = Math.min(steps.length - 1, Math.floor((value / max) * steps.length - 1e-9));
  return steps[Math.max(0, i)];
}

/** Axis titles: dark grey on white (≥ 4.5:1). */
export const axisLabel = { fill: '#374151', fontSize: 12 } as const;

/** An axis title under a horizontal axis (recharts `label`). */
export const xAxisTitle = (value: string, offset = -14) => ({ value, position: 'insideBottom' as const, offset, ...axisLabel });

/** An axis title beside a vertical axis, turned to read bottom-up (recharts `label`). */
export const yAxisTitle = (value: string, offset = 8) => ({
  value,
  angle: -90,
  position: 'insideLeft' as const,
  offset,
  style: { textAnchor: 'middle' as const },
  ...axisLabel,
});

export const heatSteps = ['#fdebd9', '#f9c9a0', '#f0a066', '#e47a36', '#D55E00'] as const;

/** The heat-map legend: each colour with the range of gap counts it stands for (empty steps left out). */
export function heatLegend(max: number): { color: string; from: number; to: number }[] {
  const out: { color: string; from: number; to: number }[] = [];
  for (let v = 1; v <= max; v++) {
    const color = heatColor(v, max);
    const last = out[out.length - 1];
    if (last && last.color === color) last.to = v;
    else out.push({ color, from: v, to: v });
  }
  return out;
}

/**
 * A vertical axis of whole counts from 0 to a round number at or above `max` (recharts `YAxis` props),
 * as the bar charts of incidents, repeats and durations draw it.
 */
export function countAxis(max: number, title: string, { maxTicks = 5, width = 52 } = {}) {
  const ticks = countTicks(max, maxTicks);
  return {
    tick: axisTick,
    ticks,
    domain: [0, ticks[ticks.length - 1]] as [number, number],
    allowDecimals: false,
    width,
    label: yAxisTitle(title),
  };
}
