import { formatAvailability, formatChange, formatCount, formatDuration, type ChangeTone } from '../../../charts/formatters';
import { explainMetric, type DefinitionLookup } from '../../definitions/transforms/explainMetric';

interface Stat {
  count: number;
  meanMinutes?: number | null;
  medianMinutes?: number | null;
  p90Minutes?: number | null;
  /** The API's flag (DurationStat.smallSample); the web app does not apply a rule of its own. */
  smallSample: boolean;
}

export interface HeadlineInput {
  incidentCount: number;
  ongoingCount: number;
  excludedCount: number;
  nearMissCount: number;
  downtimeMinutes: number;
  timeToResolve: Stat;
  timeToDetect: Stat;
  timeToAcknowledge: Stat;
  timeToMitigate: Stat;
  /** Counted incidents per severity over the whole period. */
  bySeverity: readonly { severity: string; count: number }[];
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

export function sloSummary(services: HeadlineInput['services']) {
  const met = services.filter((s) => s.availability >= s.slo).length;
  const worst = [...services].sort((a, b) => a.availability - a.slo - (b.availability - b.slo))[0];
  return { met, total: services.length, share: services.length ? met / services.length : null, worst };
}

const severe = (m: HeadlineInput) =>
  m.bySeverity.filter((s) => s.severity === 'SEV1' || s.severity === 'SEV2').reduce((sum, s) => sum + s.count, 0);
const pct = (share: number) => `${Math.round(share * 100)} %`;

/** "▼ 12 % vs previous (n 41 vs 38)": a change always says what it compares. */
function withN(change: { text: string; tone: ChangeTone }, n: string) {
  return change.tone === 'neutral' && change.text === 'no previous data' ? change : { ...change, text: `${change.text} (${n})` };
}

function durationCard(id: string, label: string, meanName: string, stat: Stat, prev: Stat | undefined, definition: string): HeadlineNumber {
  return {
    id,
    label,
    value: formatDuration(stat.medianMinutes),
    detail: `median · p90 ${formatDuration(stat.p90Minutes)} · ${meanName} ${formatDuration(stat.meanMinutes)} · n = ${formatCount(stat.count)}`,
    change: prev
      ? withN(formatChange(stat.medianMinutes, prev.medianMinutes), `n ${formatCount(stat.count)} vs ${formatCount(prev.count)}`)
      : null,
    definition,
    smallSample: stat.smallSample,
  };
}

/**
 * Headline numbers for the period with their change against the previous period (null: no previous).
 * Durations lead with the median and p90, the mean beside them; every change states its n. Each card's explanation is
 * the API's published definition (`defs`), with a note where the card shows a part of it.
 */
export function toHeadlineNumbers(current: HeadlineInput, previous: HeadlineInput | null, defs: DefinitionLookup): HeadlineNumber[] {
  const slo = sloSummary(current.services);
  const prevSlo = previous ? sloSummary(previous.services) : null;
  const sev = severe(current);
  const prevSev = previous ? severe(previous) : null;
  const was = (text: string) => `was ${text}`;
  return [
    {
      id: 'incidents',
      label: 'Incidents',
      value: formatCount(current.incidentCount),
      detail: `${formatCount(current.ongoingCount)} ongoing · ${formatCount(current.nearMissCount)} near misses · ${formatCount(current.excludedCount)} excluded`,
      change: previous
        ? withN(formatChange(current.incidentCount, previous.incidentCount), was(formatCount(previous.incidentCount)))
        : null,
      definition: explainMetric(defs, 'incidentCount'),
      smallSample: false,
    },
    {
      id: 'severe',
      label: 'SEV1–2 incidents',
      value: formatCount(sev),
      detail: current.incidentCount > 0 ? `${Math.round((sev / current.incidentCount) * 100)} % of incidents` : '',
      change: prevSev != null ? withN(formatChange(sev, prevSev), was(formatCount(prevSev))) : null,
      definition: explainMetric(defs, 'incidentCount', 'This card counts those of severity SEV1 or SEV2'),
      smallSample: false,
    },
    durationCard(
      'ttr',
      'Time to resolve',
      'mean (MTTR)',
      current.timeToResolve,
      previous?.timeToResolve,
      explainMetric(defs, 'timeToResolve'),
    ),
    durationCard('ttd', 'Time to detect', 'mean', current.timeToDetect, previous?.timeToDetect, explainMetric(defs, 'timeToDetect')),
    durationCard(
      'tta',
      'Time to acknowledge',
      'mean (MTTA)',
      current.timeToAcknowledge,
      previous?.timeToAcknowledge,
      explainMetric(defs, 'timeToAcknowledge'),
    ),
    durationCard(
      'ttm',
      'Time to mitigate',
      'mean (MTTM)',
      current.timeToMitigate,
      previous?.timeToMitigate,
      explainMetric(defs, 'timeToMitigate'),
    ),
    {
      id: 'downtime',
      label: 'Downtime',
      value: formatDuration(current.downtimeMinutes),
      detail: 'sum over resolved incidents',
      change: previous
        ? withN(formatChange(current.downtimeMinutes, previous.downtimeMinutes), was(formatDuration(previous.downtimeMinutes)))
        : null,
      definition: explainMetric(defs, 'downtimeMinutes'),
      smallSample: false,
    },
    {
      id: 'availability',
      label: 'Services within SLO',
      value: slo.share == null ? '—' : pct(slo.share),
      detail: slo.worst
        ? `${slo.met} of ${slo.total} services · ${slo.worst.availability < slo.worst.slo ? 'furthest below' : 'closest to its SLO'}: ${slo.worst.service.name} ${formatAvailability(slo.worst.availability)} (SLO ${formatAvailability(slo.worst.slo)})`
        : 'no services',
      change:
        prevSlo && prevSlo.share != null && slo.share != null
          ? {
              text: `${slo.share === prevSlo.share ? 'no change, ' : `${slo.share > prevSlo.share ? '▲' : '▼'} `}was ${pct(prevSlo.share)} (${prevSlo.met} of ${prevSlo.total})`,
              tone: slo.share === prevSlo.share ? 'neutral' : slo.share > prevSlo.share ? 'better' : 'worse',
            }
          : null,
      definition: explainMetric(
        defs,
        'services.availability',
        'This card is the share of services whose availability is at least their SLO',
      ),
      smallSample: false,
    },
  ];
}
