import type { QuarterlyReportQuery, ReportCauseFragment, ReportMetricsFragment, ReportStatFragment } from './report.generated';
import type { LargestIncident } from './reports.repository';

/**
 * A duration statistic, a cause row and the metrics of one period, exactly as `reliabilityMetrics` answers the
 * report's GraphQL document (report.query.ts; the types are generated from it).
 */
export type Stat = ReportStatFragment;
export type CauseRow = ReportCauseFragment;
export type MetricsJson = ReportMetricsFragment;

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
  /** The API's published metric definitions (`metricDefinitions`), the report's definitions page. */
  definitions: QuarterlyReportQuery['metricDefinitions'];
}

export const fmtMinutes = (m: number | null | undefined): string => {
  if (m === null || m === undefined) return '–';
  if (m < 60) return `${m.toFixed(1)} min`;
  if (m < 48 * 60) return `${(m / 60).toFixed(2)} h`;
  return `${(m / 1440).toFixed(2)} d`;
};
export const fmtPct = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined ? '–' : `${(100 * x).toFixed(digits)} %`;

/** The typographic minus (U+2212): the PDF embeds a font that has it; Markdown and CSV keep ASCII. */
export const MINUS = '\u2212';

/** Quarter-over-quarter change of a number, in words: "+3 (+50.0 %)", "-12.5 min (-20.0 %)"; `minus` is the sign printed for a fall. */
export function change(
  now: number | null,
  before: number | null | undefined,
  unit: (x: number) => string = (x) => String(x),
  minus = '-',
): string {
  if (now === null || before === null || before === undefined) return '–';
  const d = now - before;
  const sign = d > 0 ? '+' : d < 0 ? minus : '±';
  const pct = before !== 0 ? ` (${sign}${Math.abs((100 * d) / before).toFixed(1)} %)` : '';
  return `${sign}${unit(Math.abs(d))}${pct}`;
}

/**
 * Error budget used (a fraction, 1 = the whole budget) in words: "42.0 %" within budget, "4.2× budget"
 * past it — a five-digit percentage says less than a multiple.
 */
export function fmtBudget(used: number | null | undefined): string {
  if (used === null || used === undefined || !Number.isFinite(used)) return '–';
  if (used <= 1) return `${(100 * used).toFixed(1)} %`;
  return `${used < 10 ? used.toFixed(1) : Math.round(used).toLocaleString('en-US')}× budget`;
}

/** The headline rows: label, this quarter, previous quarter, change. */
export function headline(d: ReportData, minus = '-'): Array<[string, string, string, string]> {
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
    change(now, before, f, minus),
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

/** A number on the summary page: what it is, its value, and the context a reader needs to trust it. */
export interface SummaryFigure {
  label: string;
  value: string;
  detail: string;
}

/** One line of "what to fix next": a gap, a cause or the overdue items, with the numbers behind it. */
export interface FixNextItem {
  kind: 'GAP' | 'CAUSE' | 'ACTION_ITEMS';
  title: string;
  detail: string;
}

export interface ExecutiveSummary {
  scope: string;
  figures: SummaryFigure[];
  /** Plain sentences, the largest relative changes first, each with its n. */
  changes: string[];
  fixNext: FixNextItem[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Services within their SLO and the worst one (the most error budget used), from `metrics.services`. */
export function sloStanding(m: MetricsJson): { within: number; total: number; worst: MetricsJson['services'][number] | null } {
  const within = m.services.filter((s) => s.sloMet).length;
  const worst = [...m.services].sort((a, b) => b.errorBudgetUsed - a.errorBudgetUsed || a.availability - b.availability)[0] ?? null;
  return { within, total: m.services.length, worst };
}

/** Uncovered redundancy gaps, most downtime first (then most gaps). */
export const uncoveredGaps = (m: MetricsJson) =>
  m.redundancyGaps
    .filter((g) => !g.covered)
    .sort((a, b) => b.downtimeMinutes - a.downtimeMinutes || b.gapCount - a.gapCount || a.service.name.localeCompare(b.service.name));

/** Primary causes, most downtime first (then most incidents). */
export const causesByDowntime = (m: MetricsJson) =>
  [...m.byRootCause].sort((a, b) => b.downtimeMinutes - a.downtimeMinutes || b.incidentCount - a.incidentCount);

/**
 * Page one of the report: scope, headline figures, what changed since the previous quarter and
 * what to fix next. Every number is read from the report's metrics (the same ones the later pages
 * print); nothing here computes a metric of its own.
 */
export function executiveSummary(d: ReportData, minus = '-', limits = { changes: 4, gaps: 3, causes: 3 }): ExecutiveSummary {
  const m = d.metrics;
  const p = d.previous;
  const ttr = m.timeToResolve;
  const small = (st: Stat) => (st.smallSample ? ' — small sample' : '');
  const slo = sloStanding(m);
  const others = [
    m.ongoingCount ? `${m.ongoingCount} ongoing` : '',
    m.excludedCount ? `${m.excludedCount} excluded` : '',
    m.nearMissCount ? plural(m.nearMissCount, 'near miss', 'near misses') : '',
  ].filter(Boolean);
  const figures: SummaryFigure[] = [
    {
      label: 'Incidents',
      value: String(m.incidentCount),
      detail: [`${p ? p.incidentCount : '–'} in ${d.previousQuarter}`, ...others].join(' · '),
    },
    {
      label: 'Time to resolve (median)',
      value: fmtMinutes(ttr.medianMinutes),
      detail: `p90 ${fmtMinutes(ttr.p90Minutes)} · mean ${fmtMinutes(ttr.meanMinutes)} · n = ${ttr.count}${small(ttr)}`,
    },
    {
      label: 'Time to detect / acknowledge (median)',
      value: `${fmtMinutes(m.timeToDetect.medianMinutes)} / ${fmtMinutes(m.timeToAcknowledge.medianMinutes)}`,
      detail: `p90 ${fmtMinutes(m.timeToDetect.p90Minutes)} / ${fmtMinutes(m.timeToAcknowledge.p90Minutes)} · n = ${m.timeToDetect.count} / ${m.timeToAcknowledge.count} · to mitigate ${fmtMinutes(m.timeToMitigate.medianMinutes)}`,
    },
    {
      label: 'Services within SLO',
      value: slo.total ? `${slo.within} of ${slo.total}` : '–',
      detail: slo.worst
        ? `worst: ${slo.worst.service.name}, ${slo.worst.availability.toFixed(3)} % against ${slo.worst.slo} % (${fmtBudget(slo.worst.errorBudgetUsed)}${slo.worst.errorBudgetUsed <= 1 ? ' of budget' : ''})`
        : 'no service in scope',
    },
  ];

  // what changed: each candidate with its size relative to the previous quarter; the largest few are told
  const changes: Array<{ size: number; text: string }> = [];
  let leading = 0;
  if (p) {
    const pctText = (now: number, before: number) =>
      before ? ` (${now > before ? '+' : minus}${Math.abs((100 * (now - before)) / before).toFixed(0)} %)` : '';
    const verb = (now: number, before: number) => (now > before ? 'rose' : 'fell');
    const add = (size: number, text: string) => changes.push({ size, text });
    const rel = (now: number, before: number) => (before ? Math.abs(now - before) / Math.abs(before) : now ? 1 : 0);
    const count = (label: string, now: number, before: number, unit: (n: number) => string) => {
      if (now === before) return;
      add(rel(now, before), `${label} ${verb(now, before)} from ${unit(before)} to ${unit(now)}${pctText(now, before)}.`);
    };
    const stat = (label: string, now: Stat, before: Stat, pick: 'medianMinutes' | 'p90Minutes') => {
      const a = now[pick];
      const b = before[pick];
      if (a === null || b === null || a === b) return;
      const flag = now.smallSample || before.smallSample ? '; small sample' : '';
      add(rel(a, b), `${label} ${verb(a, b)} from ${fmtMinutes(b)} to ${fmtMinutes(a)} (n = ${now.count} vs ${before.count}${flag}).`);
    };
    count('Incidents', m.incidentCount, p.incidentCount, String);
    leading = changes.length;
    stat('Median time to resolve', m.timeToResolve, p.timeToResolve, 'medianMinutes');
    stat('p90 time to resolve', m.timeToResolve, p.timeToResolve, 'p90Minutes');
    stat('Median time to detect', m.timeToDetect, p.timeToDetect, 'medianMinutes');
    stat('Median time to acknowledge', m.timeToAcknowledge, p.timeToAcknowledge, 'medianMinutes');
    count('Downtime', m.downtimeMinutes, p.downtimeMinutes, fmtMinutes);
    const before = sloStanding(p);
    if (slo.total && before.total && slo.within / slo.total !== before.within / before.total)
      add(
        rel(slo.within / slo.total, before.within / before.total),
        `Services within SLO ${slo.within / slo.total > before.within / before.total ? 'rose' : 'fell'} from ${before.within} of ${before.total} to ${slo.within} of ${slo.total}.`,
      );
    count('Overdue action items', m.actionItems.overdue, p.actionItems.overdue, String);
  }
  // the incident count always leads (the first thing a reader asks); then the largest relative changes
  const told = [...changes.slice(0, leading), ...changes.slice(leading).sort((a, b) => b.size - a.size)].slice(0, limits.changes);

  const fixNext: FixNextItem[] = [
    ...uncoveredGaps(m)
      .slice(0, limits.gaps)
      .map((g): FixNextItem => ({
        kind: 'GAP',
        title: `${g.mechanism.name} for ${g.service.name}`,
        detail: `${plural(g.gapCount, 'gap')} (missing or failed), ${fmtMinutes(g.downtimeMinutes)} of downtime, no open action item covers it`,
      })),
    ...causesByDowntime(m)
      .filter((c) => c.downtimeMinutes > 0)
      .slice(0, limits.causes)
      .map((c): FixNextItem => ({
        kind: 'CAUSE',
        title: c.name,
        detail: `${fmtMinutes(c.downtimeMinutes)} of downtime over ${plural(c.incidentCount, 'incident')} (${fmtPct(c.share, 0)} of incidents)`,
      })),
  ];
  if (m.actionItems.overdue > 0)
    fixNext.push({
      kind: 'ACTION_ITEMS',
      title: `${plural(m.actionItems.overdue, 'action item')} overdue`,
      detail: `of ${m.actionItems.open} open; ${fmtPct(m.actionItems.incidentsAllDoneShare, 0)} of incidents have all their action items done`,
    });

  return {
    scope: `Incidents that started from ${m.periodStart?.slice(0, 10) ?? '–'} to ${dayBefore(m.periodEnd)} (UTC), every team and service the reader may see, compared with ${d.previousQuarter}.`,
    figures,
    changes: told.length ? told.map((c) => c.text) : [p ? 'No headline number changed.' : `No data for ${d.previousQuarter}.`],
    fixNext,
  };
}

/** The last day of a period that ends (exclusive) at `endIso`. */
const dayBefore = (endIso: string) => new Date(Date.parse(endIso) - 1).toISOString().slice(0, 10);

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const fmtDays = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${x.toFixed(1)} d`);

/**
 * Closing the loop (SPEC §6) against the previous period: review completion of the required reviews, and repeat
 * incidents. Rows of [what, this period, previous period, change]; shares are of the required reviews, and of all
 * counted incidents for repeats.
 */
export function loopRows(d: ReportData, minus = '-'): Array<[string, string, string, string]> {
  const r = d.metrics.reviews;
  const pr = d.previous?.reviews;
  const rep = d.metrics.repeats;
  const prep = d.previous?.repeats;
  const countWithShare = (n: number | undefined, share: number | null | undefined) =>
    n === undefined ? '–' : `${n} (${fmtPct(share ?? null)})`;
  const pts = (x: number) => `${(100 * x).toFixed(1)} pts`;
  return [
    ['Reviews required', String(r.required), pr ? String(pr.required) : '–', change(r.required, pr?.required, undefined, minus)],
    [
      'Reviews published',
      countWithShare(r.published, ratio(r.published, r.required)),
      pr ? countWithShare(pr.published, ratio(pr.published, pr.required)) : '–',
      change(ratio(r.published, r.required), pr ? ratio(pr.published, pr.required) : undefined, pts, minus).replace(/ \(.*\)$/, ''),
    ],
    [
      'Published on time',
      countWithShare(r.publishedOnTime, ratio(r.publishedOnTime, r.required)),
      pr ? countWithShare(pr.publishedOnTime, ratio(pr.publishedOnTime, pr.required)) : '–',
      change(ratio(r.publishedOnTime, r.required), pr ? ratio(pr.publishedOnTime, pr.required) : undefined, pts, minus).replace(
        / \(.*\)$/,
        '',
      ),
    ],
    ['Reviews overdue now', String(r.overdue), pr ? String(pr.overdue) : '–', change(r.overdue, pr?.overdue, undefined, minus)],
    [
      'Median days to publish',
      fmtDays(r.medianDaysToPublish),
      fmtDays(pr?.medianDaysToPublish),
      change(r.medianDaysToPublish, pr?.medianDaysToPublish, (x) => `${x.toFixed(1)} d`, minus),
    ],
    [
      'Repeat incidents',
      countWithShare(rep.count, rep.share),
      prep ? countWithShare(prep.count, prep.share) : '–',
      change(rep.count, prep?.count, undefined, minus),
    ],
  ];
}

/** The overdue reviews, most overdue first: [incident, title, due (UTC day)]. */
export const overdueReviewRows = (d: ReportData): Array<[string, string, string]> =>
  d.metrics.reviews.overdueIncidents.map((i) => [i.key, i.title, i.postMortem.dueAt?.slice(0, 10) ?? '–']);

/** Fixes that did not hold: [action item, cause, services hit again, the incidents that came after it]. */
export const fixNotHeldRows = (d: ReportData): Array<[string, string, string, string]> =>
  d.metrics.fixesThatDidNotHold.map((f) => [
    f.actionItem.title,
    f.cause.name,
    f.services.map((s) => s.name).join(', '),
    f.incidents.map((i) => i.key).join(', ') + (f.incidentCount > f.incidents.length ? ` … (${f.incidentCount} in all)` : ''),
  ]);
