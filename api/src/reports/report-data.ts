import type { LargestIncident } from './reports.repository';

/** A duration statistic as reliabilityMetrics gives it (minutes). */
export interface Stat {
  count: number;
  meanMinutes: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
  smallSample: boolean;
}

export interface CauseRow {
  id: string;
  name: string;
  incidentCount: number;
  share: number;
  cumulativeShare: number;
  downtimeMinutes: number;
  timeToResolve: Stat;
}

/** `reliabilityMetrics(filter: { from, to })` with every field, names resolved, as its GraphQL answer would be. */
export interface MetricsJson {
  periodStart: string | null;
  periodEnd: string;
  periodMinutes: number;
  incidentCount: number;
  ongoingCount: number;
  excludedCount: number;
  nearMissCount: number;
  timeToDetect: Stat;
  timeToAcknowledge: Stat;
  timeToMitigate: Stat;
  timeToResolve: Stat;
  downtimeMinutes: number;
  byRootCause: CauseRow[];
  byRootCategory: CauseRow[];
  contributingFactors: CauseRow[];
  trend: Array<{
    periodStart: string;
    incidentCount: number;
    downtimeMinutes: number;
    timeToResolve: Stat;
    timeToDetect: Stat;
    bySeverity: Array<{ severity: string; count: number }>;
  }>;
  redundancyGaps: Array<{
    service: { id: string; name: string };
    mechanism: { id: string; name: string };
    gapCount: number;
    downtimeMinutes: number;
    covered: boolean;
  }>;
  services: Array<{
    service: { id: string; name: string };
    incidentCount: number;
    downtimeMinutes: number;
    availability: number;
    slo: number;
    sloMet: boolean;
    errorBudgetUsed: number;
    mtbfMinutes: number | null;
  }>;
  detection: Array<{ source: string | null; incidentCount: number; share: number; timeToDetect: Stat }>;
  actionItems: {
    opened: number;
    open: number;
    done: number;
    overdue: number;
    medianDaysToDone: number | null;
    incidentsAllDoneShare: number | null;
  };
}

/** Everything a quarterly report shows, in every format. */
export interface ReportData {
  quarter: string;
  previousQuarter: string;
  generatedAt: string;
  /** Trend granularity of `metrics.trend` (the MTTR trend chart). */
  trendGranularity: 'WEEK';
  metrics: MetricsJson;
  previous: MetricsJson | null;
  largestIncidents: LargestIncident[];
}

/** SPEC §3, shown in every report. */
export const METRIC_DEFINITIONS: Array<[string, string]> = [
  [
    'Durations',
    'Minutes from startedAt, fractional; nothing is rounded before the statistic. Every duration is given as count, mean, median and p90 (continuous percentiles, as PostgreSQL percentile_cont).',
  ],
  [
    'Time to detect / acknowledge / mitigate / resolve',
    'detectedAt, acknowledgedAt, mitigatedAt, resolvedAt − startedAt, over incidents that have both timestamps.',
  ],
  ['MTTR', 'Mean time to resolve (resolvedAt − startedAt); read it with the median and p90, since incident durations are right-skewed.'],
  [
    'Incident count',
    'Incidents that started in the quarter, neither near misses nor excluded from metrics, ongoing ones included. Ongoing, excluded and near-miss incidents never enter duration statistics or downtime.',
  ],
  [
    'Downtime',
    'Per incident: (mitigatedAt, else resolvedAt) − startedAt. Per service, overlapping incidents are merged so no minute counts twice.',
  ],
  [
    'Availability',
    '100 × (1 − service downtime / period length), compared with the service SLO; error budget used = downtime / ((1 − SLO/100) × period length).',
  ],
  ['MTBF', '(period length − service downtime) / number of the service incidents in the period.'],
  ['Cause Pareto', 'Incidents per primary cause (share = its incidents / all incidents), largest first, with the running share.'],
  [
    'Redundancy gap',
    'An assessment MISSING or FAILED, per service × mechanism; covered when an open action item addresses it. Uncovered gaps are prevention work nobody owns yet.',
  ],
  [
    'Action items',
    'Opened, done, overdue (open and past due), median days to done, and the share of incidents whose action items are all done.',
  ],
  ['Small sample', 'A statistic over fewer than 5 incidents is shown but flagged.'],
];

export const fmtMinutes = (m: number | null | undefined): string => {
  if (m === null || m === undefined) return '–';
  if (m < 60) return `${m.toFixed(1)} min`;
  if (m < 48 * 60) return `${(m / 60).toFixed(2)} h`;
  return `${(m / 1440).toFixed(2)} d`;
};
export const fmtPct = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined ? '–' : `${(100 * x).toFixed(digits)} %`;

/** Quarter-over-quarter change of a number, in words: "+3 (+50.0 %)", "-12.5 min (-20.0 %)" (ASCII signs: PDF base fonts lack U+2212). */
export function change(now: number | null, before: number | null | undefined, unit: (x: number) => string = (x) => String(x)): string {
  if (now === null || before === null || before === undefined) return '–';
  const d = now - before;
  const sign = d > 0 ? '+' : d < 0 ? '-' : '±';
  const pct = before !== 0 ? ` (${sign}${Math.abs((100 * d) / before).toFixed(1)} %)` : '';
  return `${sign}${unit(Math.abs(d))}${pct}`;
}

/** The headline rows: label, this quarter, previous quarter, change. */
export function headline(d: ReportData): Array<[string, string, string, string]> {
  const m = d.metrics;
  const p = d.previous;
  const num = (x: number) => String(Math.round(x * 100) / 100);
  const row = (
    label: string,
    now: number | null,
    before: number | null | undefined,
    f: (x: number) => string,
  ): [string, string, string, string] => [
    label,
    now === null ? '–' : f(now),
    before === null || before === undefined ? '–' : f(before),
    change(now, before, f),
  ];
  return [
    row('Incidents', m.incidentCount, p?.incidentCount, num),
    row('Ongoing', m.ongoingCount, p?.ongoingCount, num),
    row('MTTR (mean time to resolve)', m.timeToResolve.meanMinutes, p?.timeToResolve.meanMinutes, fmtMinutes),
    row('Median time to resolve', m.timeToResolve.medianMinutes, p?.timeToResolve.medianMinutes, fmtMinutes),
    row('p90 time to resolve', m.timeToResolve.p90Minutes, p?.timeToResolve.p90Minutes, fmtMinutes),
    row('Median time to detect', m.timeToDetect.medianMinutes, p?.timeToDetect.medianMinutes, fmtMinutes),
    row('Median time to mitigate', m.timeToMitigate.medianMinutes, p?.timeToMitigate.medianMinutes, fmtMinutes),
    row('Downtime (sum)', m.downtimeMinutes, p?.downtimeMinutes, fmtMinutes),
    row('Redundancy gaps', sum(m.redundancyGaps.map((g) => g.gapCount)), p ? sum(p.redundancyGaps.map((g) => g.gapCount)) : null, num),
    row('Action items overdue', m.actionItems.overdue, p?.actionItems.overdue, num),
  ];
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Gaps with the uncovered ones first, then by count. */
export const gapsInOrder = (m: MetricsJson) =>
  [...m.redundancyGaps].sort(
    (a, b) => Number(a.covered) - Number(b.covered) || b.gapCount - a.gapCount || b.downtimeMinutes - a.downtimeMinutes,
  );
