import type { ParetoPoint } from '../../../charts/ParetoChart';

export interface CauseFrequencyInput {
  cause: { id: string };
  name: string;
  incidentCount: number;
  downtimeMinutes: number;
}

/** Id of the bar that folds the long tail together; it has no incident-list link. */
export const otherCausesId = '';

/**
 * Cause frequencies → Pareto bars ordered by the chosen measure (largest first) with the cumulative
 * share of that measure in percent. Causes with a zero measure are dropped: they add nothing to a
 * Pareto. Past `maxBars` the tail is folded into one "Other" bar so labels stay readable.
 */
export function toParetoSeries(rows: readonly CauseFrequencyInput[], metric: 'count' | 'downtime', maxBars = 15): ParetoPoint[] {
  const value = (r: CauseFrequencyInput) => (metric === 'count' ? r.incidentCount : r.downtimeMinutes);
  const sorted = rows.filter((r) => value(r) > 0).sort((a, b) => value(b) - value(a) || a.name.localeCompare(b.name));
  const total = sorted.reduce((sum, r) => sum + value(r), 0);
  const head = sorted.length > maxBars ? sorted.slice(0, maxBars - 1) : sorted;
  const tail = sorted.slice(head.length);
  let running = 0;
  const bars = head.map((r) => {
    running += value(r);
    return {
      id: r.cause.id,
      name: r.name,
      value: value(r),
      incidentCount: r.incidentCount,
      downtimeMinutes: r.downtimeMinutes,
      cumulativePercent: total > 0 ? (running / total) * 100 : 0,
    };
  });
  if (tail.length) {
    bars.push({
      id: otherCausesId,
      name: `Other (${tail.length} causes)`,
      value: tail.reduce((sum, r) => sum + value(r), 0),
      incidentCount: tail.reduce((sum, r) => sum + r.incidentCount, 0),
      downtimeMinutes: tail.reduce((sum, r) => sum + r.downtimeMinutes, 0),
      cumulativePercent: 100,
    });
  }
  return bars;
}
