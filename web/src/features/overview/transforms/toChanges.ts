import { formatAvailability, formatCount, formatDurationCompact, type ChangeTone } from '../../../charts/formatters';
import { isSmallSample } from '../../../charts/smallSample';

interface Stat {
  count: number;
  medianMinutes?: number | null;
  /** The API's flag (DurationStat.smallSample). */
  smallSample: boolean;
}

/** The numbers of one period that "What changed" compares. */
export interface PeriodMetrics {
  incidentCount: number;
  timeToResolve: Stat;
  timeToDetect: Stat;
  /** Counted incidents per severity over the whole period. */
  bySeverity: readonly { severity: string; count: number }[];
  detection: readonly { source?: string | null; incidentCount: number }[];
  services: readonly { service: { id: string; name: string }; availability: number; slo: number }[];
}

export interface Change {
  id: string;
  /** A plain sentence with both values and the sample sizes. */
  text: string;
  tone: ChangeTone;
  direction: 'up' | 'down' | 'flat';
  /** Relative size of the change, |current − previous| / previous (Infinity from 0). */
  magnitude: number;
  /** Too few incidents on either side to call it news. */
  smallSample: boolean;
}

export interface Changes {
  /** The largest changes with enough data, largest first. */
  news: Change[];
  /** Changes over small samples: stated, marked, not ranked as news. */
  smallSamples: Change[];
  /** How many compared numbers moved less than `steadyBelow`. */
  steadyCount: number;
}

/** Sources outside the company: an incident they report first is one monitoring missed. */
const externalSources = new Set(['CUSTOMER_REPORT', 'SOCIAL_MEDIA', 'THIRD_PARTY']);

const relative = (cur: number, prev: number) => (prev === 0 ? (cur === 0 ? 0 : Infinity) : Math.abs(cur - prev) / Math.abs(prev));
const verb = (cur: number, prev: number) => (cur > prev ? 'rose' : 'fell');
const tone = (cur: number, prev: number, lowerIsBetter: boolean): ChangeTone =>
  cur === prev ? 'neutral' : cur < prev === lowerIsBetter ? 'better' : 'worse';
const direction = (cur: number, prev: number) => (cur > prev ? 'up' : cur < prev ? 'down' : 'flat') as Change['direction'];
const incidents = (n: number) => `${formatCount(n)} incident${n === 1 ? '' : 's'}`;

function durationChange(id: string, what: string, cur: Stat, prev: Stat): Change | null {
  if (cur.medianMinutes == null || prev.medianMinutes == null) return null;
  const c = cur.medianMinutes;
  const p = prev.medianMinutes;
  return {
    id,
    text: `${what} ${verb(c, p)} from ${formatDurationCompact(p)} to ${formatDurationCompact(c)} (${formatCount(cur.count)} vs ${formatCount(prev.count)} incidents)`,
    tone: tone(c, p, true),
    direction: direction(c, p),
    magnitude: relative(c, p),
    smallSample: cur.smallSample || prev.smallSample,
  };
}

function countChange(id: string, what: string, cur: number, prev: number): Change {
  return {
    id,
    text:
      cur === prev
        ? `${what}: ${incidents(cur)}, as before`
        : `${what} ${verb(cur, prev)} from ${formatCount(prev)} to ${formatCount(cur)}`,
    tone: tone(cur, prev, true),
    direction: direction(cur, prev),
    magnitude: relative(cur, prev),
    // counts and shares have no DurationStat, so no flag from the API: the shared rule mirroring the API's
    smallSample: isSmallSample(Math.max(cur, prev)),
  };
}

function sloShare(services: PeriodMetrics['services']) {
  const met = services.filter((s) => s.availability >= s.slo).length;
  const worst = [...services].sort((a, b) => a.availability - a.slo - (b.availability - b.slo))[0];
  return { met, total: services.length, share: services.length ? met / services.length : null, worst };
}

function externalShare(m: PeriodMetrics) {
  const ext = m.detection.filter((d) => d.source && externalSources.has(d.source)).reduce((s, d) => s + d.incidentCount, 0);
  return { ext, share: m.incidentCount > 0 ? ext / m.incidentCount : null };
}

const severityCount = (m: PeriodMetrics, sev: string[]) =>
  m.bySeverity.filter((s) => sev.includes(s.severity)).reduce((sum, s) => sum + s.count, 0);

/**
 * What changed against the previous period, as sentences: median time to resolve and to detect, incidents
 * by severity (SEV1–2, SEV3–4), the share detected from outside, and the share of services within SLO (naming the worst).
 * Ranked by relative size; changes under `steadyBelow` are left out; small samples are listed apart.
 */
export function toChanges(current: PeriodMetrics, previous: PeriodMetrics | null, limit = 5, steadyBelow = 0.1): Changes {
  if (!previous) return { news: [], smallSamples: [], steadyCount: 0 };
  const all: Change[] = [];
  const ttr = durationChange('ttr', 'Median time to resolve', current.timeToResolve, previous.timeToResolve);
  if (ttr) all.push(ttr);
  const ttd = durationChange('ttd', 'Median time to detect', current.timeToDetect, previous.timeToDetect);
  if (ttd) all.push(ttd);
  // By severity in two bands (together they are all incidents), so counts do not crowd out the durations.
  all.push(countChange('severe', 'SEV1–2 incidents', severityCount(current, ['SEV1', 'SEV2']), severityCount(previous, ['SEV1', 'SEV2'])));
  all.push(countChange('minor', 'SEV3–4 incidents', severityCount(current, ['SEV3', 'SEV4']), severityCount(previous, ['SEV3', 'SEV4'])));

  const ce = externalShare(current);
  const pe = externalShare(previous);
  if (ce.share != null && pe.share != null) {
    const pct = (x: number) => `${Math.round(x * 100)} %`;
    all.push({
      id: 'external',
      text: `Incidents reported first by customers or other outsiders ${
        ce.share === pe.share ? 'held at' : `${verb(ce.share, pe.share)} from ${pct(pe.share)} to`
      } ${pct(ce.share)} (${formatCount(ce.ext)} of ${formatCount(current.incidentCount)} vs ${formatCount(pe.ext)} of ${formatCount(previous.incidentCount)})`,
      tone: tone(ce.share, pe.share, true),
      direction: direction(ce.share, pe.share),
      magnitude: relative(ce.share, pe.share),
      smallSample: isSmallSample(current.incidentCount) || isSmallSample(previous.incidentCount),
    });
  }

  const cs = sloShare(current.services);
  const ps = sloShare(previous.services);
  if (cs.share != null && ps.share != null && cs.worst) {
    const worst =
      cs.worst.availability < cs.worst.slo
        ? `; furthest below: ${cs.worst.service.name} at ${formatAvailability(cs.worst.availability)} (SLO ${formatAvailability(cs.worst.slo)})`
        : '';
    all.push({
      id: 'slo',
      text: `Services within SLO ${cs.share === ps.share ? 'held at' : `${verb(cs.share, ps.share)} from ${ps.met} of ${ps.total} to`} ${cs.met} of ${cs.total}${worst}`,
      tone: tone(cs.share, ps.share, false),
      direction: direction(cs.share, ps.share),
      magnitude: relative(cs.share, ps.share),
      smallSample: false,
    });
  }

  const moved = all.filter((c) => c.magnitude >= steadyBelow);
  const bySize = (a: Change, b: Change) => b.magnitude - a.magnitude || a.id.localeCompare(b.id);
  return {
    news: moved
      .filter((c) => !c.smallSample)
      .sort(bySize)
      .slice(0, limit),
    smallSamples: moved.filter((c) => c.smallSample).sort(bySize),
    steadyCount: all.length - moved.length,
  };
}
