import { formatAvailability, formatChange, formatCount, formatDuration, type ChangeTone } from '../../../charts/formatters';

interface Stat {
  count: number;
  meanMinutes?: number | null;
  medianMinutes?: number | null;
  p90Minutes?: number | null;
}

export interface HeadlineInput {
  incidentCount: number;
  ongoingCount: number;
  excludedCount: number;
  nearMissCount: number;
  downtimeMinutes: number;
  timeToResolve: Stat;
  timeToDetect: Stat;
  services: readonly { service: { id: string; name: string }; availability: number; slo: number }[];
}

export interface HeadlineNumber {
  id: string;
  label: string;
  value: string;
  detail: string;
  change: { text: string; tone: ChangeTone } | null;
  definition: string;
  smallSample: boolean;
}

function sloSummary(services: HeadlineInput['services']) {
  const met = services.filter((s) => s.availability >= s.slo).length;
  const worst = [...services].sort((a, b) => a.availability - a.slo - (b.availability - b.slo))[0];
  return { met, total: services.length, worst };
}

/**
 * Headline numbers for the period with their change against the previous period. `severe` is the
 * SEV1–SEV2 incident count for the same filters.
 */
export function toHeadlineNumbers(
  current: HeadlineInput,
  severe: number | null,
  previous: HeadlineInput | null,
  previousSevere: number | null,
): HeadlineNumber[] {
  const change = (cur: number | null | undefined, prev: number | null | undefined, lowerIsBetter = true) =>
    previous ? formatChange(cur, prev, lowerIsBetter) : null;
  const ttr = current.timeToResolve;
  const ttd = current.timeToDetect;
  const slo = sloSummary(current.services);
  const prevSlo = previous ? sloSummary(previous.services) : null;
  return [
    {
      id: 'incidents',
      label: 'Incidents',
      value: formatCount(current.incidentCount),
      detail: `${formatCount(current.ongoingCount)} ongoing · ${formatCount(current.nearMissCount)} near misses · ${formatCount(current.excludedCount)} excluded`,
      change: change(current.incidentCount, previous?.incidentCount),
      definition: 'Incidents that started in the period, ongoing ones included; near misses and excluded incidents are counted separately.',
      smallSample: false,
    },
    {
      id: 'severe',
      label: 'SEV1–2 incidents',
      value: formatCount(severe),
      detail: current.incidentCount > 0 && severe != null ? `${Math.round((severe / current.incidentCount) * 100)} % of incidents` : '',
      change: change(severe, previousSevere),
      definition: 'Incidents of severity SEV1 or SEV2 that started in the period.',
      smallSample: false,
    },
    {
      id: 'mttr',
      label: 'MTTR',
      value: formatDuration(ttr.meanMinutes),
      detail: `median ${formatDuration(ttr.medianMinutes)} · p90 ${formatDuration(ttr.p90Minutes)} · n = ${formatCount(ttr.count)}`,
      change: change(ttr.meanMinutes, previous?.timeToResolve.meanMinutes),
      definition:
        'Mean time to resolve = mean of (resolvedAt − startedAt) over resolved incidents; median and p90 beside it because durations are right-skewed.',
      smallSample: ttr.count > 0 && ttr.count < 5,
    },
    {
      id: 'ttd',
      label: 'Time to detect',
      value: formatDuration(ttd.medianMinutes),
      detail: `median · mean ${formatDuration(ttd.meanMinutes)} · p90 ${formatDuration(ttd.p90Minutes)} · n = ${formatCount(ttd.count)}`,
      change: change(ttd.medianMinutes, previous?.timeToDetect.medianMinutes),
      definition: 'detectedAt − startedAt, over incidents with both timestamps.',
      smallSample: ttd.count > 0 && ttd.count < 5,
    },
    {
      id: 'downtime',
      label: 'Downtime',
      value: formatDuration(current.downtimeMinutes),
      detail: 'sum over incidents',
      change: change(current.downtimeMinutes, previous?.downtimeMinutes),
      definition: 'Sum of (mitigatedAt, else resolvedAt) − startedAt over resolved incidents in the period.',
      smallSample: false,
    },
    {
      id: 'availability',
      label: 'Availability vs SLO',
      value: slo.total ? `${slo.met} of ${slo.total}` : '—',
      detail: slo.worst
        ? `services within SLO · lowest ${slo.worst.service.name} ${formatAvailability(slo.worst.availability)} (SLO ${formatAvailability(slo.worst.slo)})`
        : 'no services',
      change:
        prevSlo && prevSlo.total && slo.total ? formatChange(slo.met / slo.total, prevSlo.met / prevSlo.total, false) : change(null, null),
      definition:
        'Availability = 100 × (1 − service downtime / period length), overlapping incidents merged; compared with each service’s SLO.',
      smallSample: false,
    },
  ];
}
