/**
 * The one published list of metric definitions (SPEC §3 `metricDefinitions`, and §6 for the follow-through numbers).
 * The API serves it, the web app's explanations and the report's definitions page are made from it, and the table in
 * docs/metrics.md is generated from it (a test fails when the doc is stale). The implementation each formula describes
 * is metrics.rollup.ts (tested against the per-incident reference in metrics.queries.ts), api/src/reviews and
 * api/src/repeats.
 */
export type MetricUnit = 'count' | 'minutes' | 'days' | 'percent' | 'fraction' | 'list';

export interface MetricDefinitionEntry {
  /** Stable key, named after the GraphQL field that answers it (dotted for a field of a part). */
  key: string;
  name: string;
  formula: string;
  unit: MetricUnit;
}

const COUNTED = 'counted incidents (matching incidents that are neither near misses nor excluded from metrics, ongoing ones included)';
const STAT =
  'given as count, mean, median and p90 (continuous percentiles, as PostgreSQL percentile_cont), over the resolved counted incidents that have both timestamps; fractional minutes, nothing rounded before the statistic';

export const METRIC_DEFINITIONS: readonly MetricDefinitionEntry[] = [
  {
    key: 'period',
    name: 'Period',
    formula:
      'Incidents are selected by startedAt in [from, to). The period starts at from (else the earliest matching startedAt) and ends at to once it has passed, else now; its length is what availability, error budget and MTBF divide by.',
    unit: 'minutes',
  },
  {
    key: 'incidentCount',
    name: 'Incidents',
    formula: `Number of ${COUNTED}. Near misses and excluded incidents are counted separately (nearMissCount, excludedCount); ongoingCount is the part still unresolved.`,
    unit: 'count',
  },
  {
    key: 'timeToDetect',
    name: 'Time to detect',
    formula: `detectedAt − startedAt, ${STAT}.`,
    unit: 'minutes',
  },
  {
    key: 'timeToAcknowledge',
    name: 'Time to acknowledge (MTTA as its mean)',
    formula: `acknowledgedAt − startedAt, ${STAT}.`,
    unit: 'minutes',
  },
  {
    key: 'timeToMitigate',
    name: 'Time to mitigate (MTTM as its mean)',
    formula: `mitigatedAt − startedAt, ${STAT}.`,
    unit: 'minutes',
  },
  {
    key: 'timeToResolve',
    name: 'Time to resolve (MTTR as its mean)',
    formula: `resolvedAt − startedAt, ${STAT}. MTTR is its mean; read it with the median and p90, since incident durations are right-skewed.`,
    unit: 'minutes',
  },
  {
    key: 'downtimeMinutes',
    name: 'Downtime',
    formula:
      'Per incident: (mitigatedAt, else resolvedAt) − startedAt, summed over the resolved counted incidents, each incident once. Ongoing incidents add nothing yet.',
    unit: 'minutes',
  },
  {
    key: 'services.downtimeMinutes',
    name: 'Service downtime',
    formula:
      'The union of the impact intervals [startedAt, mitigatedAt else resolvedAt) of the service’s resolved counted incidents: overlapping incidents are merged so no minute counts twice.',
    unit: 'minutes',
  },
  {
    key: 'services.availability',
    name: 'Availability',
    formula: '100 × (1 − service downtime / period length), compared with the service’s SLO (also a percentage).',
    unit: 'percent',
  },
  {
    key: 'services.errorBudgetUsed',
    name: 'Error budget used',
    formula: 'Service downtime / ((1 − SLO / 100) × period length); 1 is the whole budget.',
    unit: 'fraction',
  },
  {
    key: 'services.mtbfMinutes',
    name: 'MTBF',
    formula: '(Period length − service downtime) / number of the service’s counted incidents in the period.',
    unit: 'minutes',
  },
  {
    key: 'byRootCause',
    name: 'Cause frequency (Pareto)',
    formula:
      'Counted incidents per primary cause (share = its incidents / all counted incidents; downtime and time to resolve of its incidents), largest first with the running share. Contributing factors are counted separately.',
    unit: 'count',
  },
  {
    key: 'redundancyGaps',
    name: 'Redundancy gaps',
    formula:
      'Per service × mechanism: counted incidents (ongoing included) whose assessment was MISSING or FAILED, the downtime of the resolved ones, and covered = an open action item of one of them names the mechanism. An uncovered gap is prevention work nobody owns yet.',
    unit: 'count',
  },
  {
    key: 'actionItems',
    name: 'Action items',
    formula:
      'Opened, open, done, overdue (OPEN or IN_PROGRESS with a due date before today, UTC), median days from creation to done, and the share of incidents with action items whose items are all DONE (WONT_DO ignored).',
    unit: 'count',
  },
  {
    key: 'detection',
    name: 'Detection',
    formula:
      'Share of counted incidents by detection source, and time to detect by source: are users telling us before our monitoring does?',
    unit: 'fraction',
  },
  {
    key: 'previous',
    name: 'Change against the previous period',
    formula:
      'The same metrics, same filter, for the period just before: of equal length, or the same number of calendar months when the period is whole UTC months (a quarter against the previous quarter).',
    unit: 'list',
  },
  {
    key: 'smallSample',
    name: 'Small sample',
    formula: 'A statistic over fewer than 5 incidents still gives its numbers, flagged as a small sample.',
    unit: 'count',
  },
  {
    key: 'reviews.required',
    name: 'Reviews required',
    formula:
      'Resolved counted incidents of the severities that require a review (an admin setting; SEV1 and SEV2 by default). A review is due a set number of days after resolvedAt (5 by default) unless it has its own due date.',
    unit: 'count',
  },
  {
    key: 'reviews.published',
    name: 'Reviews published',
    formula: 'Of the required reviews, those PUBLISHED; on time = published by their due date.',
    unit: 'count',
  },
  {
    key: 'reviews.overdue',
    name: 'Reviews overdue',
    formula: 'Of the required reviews, those not published whose due date has passed.',
    unit: 'count',
  },
  {
    key: 'reviews.medianDaysToPublish',
    name: 'Median days to publish',
    formula: 'Continuous median of publishedAt − resolvedAt over the published required reviews, in fractional days.',
    unit: 'days',
  },
  {
    key: 'repeats',
    name: 'Repeat incidents',
    formula:
      'A counted incident repeats an earlier counted one when they share a service and the same primary cause and it started at most 90 days (an admin setting) after the earlier one started. Count of such incidents in the filter; share = count / incidentCount.',
    unit: 'count',
  },
  {
    key: 'fixesThatDidNotHold',
    name: 'Fixes that did not hold',
    formula:
      'A PREVENT action item marked DONE, with a cause, after whose completion a counted incident with that primary cause started on one of the services of the item’s incident; listed with those incidents (in the period). At most 50 items (the most incidents first, among the 200 most recently completed that did not hold), each with its number of incidents and at most 20 of them.',
    unit: 'list',
  },
];

/** The definition of a key; throws on an unknown key so a typo fails a test, not a reader. */
export function metricDefinition(key: string): MetricDefinitionEntry {
  const found = METRIC_DEFINITIONS.find((d) => d.key === key);
  if (!found) throw new Error(`no metric definition ${key}`);
  return found;
}

const UNIT_TEXT: Record<MetricUnit, string> = {
  count: 'count',
  minutes: 'minutes',
  days: 'days',
  percent: '%',
  fraction: 'fraction 0–1',
  list: '—',
};

/** The definitions as the Markdown table docs/metrics.md carries between its generated-section markers. */
export function definitionsMarkdownTable(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| key | metric | definition | unit |',
    '|---|---|---|---|',
    ...METRIC_DEFINITIONS.map((d) => `| \`${d.key}\` | ${cell(d.name)} | ${cell(d.formula)} | ${UNIT_TEXT[d.unit]} |`),
  ].join('\n');
}
