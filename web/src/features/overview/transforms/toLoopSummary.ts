import { formatChange, formatCount, formatPeriodLabel, formatShare, type ChangeTone, type Granularity } from '../../../charts/formatters';

export interface ReviewCompletionInput {
  required: number;
  published: number;
  publishedOnTime: number;
  overdue: number;
  medianDaysToPublish?: number | null;
  smallSample: boolean;
}

export interface RepeatStatsInput {
  count: number;
  share: number;
  incidentCount: number;
  smallSample: boolean;
}

export interface LoopInput {
  reviews: ReviewCompletionInput & { overdueIncidents?: readonly { id: string; key: string; title: string; severity: string }[] };
  repeats: RepeatStatsInput & { byRootCause?: readonly { cause: { id: string }; name: string; count: number }[] };
}

export interface LoopChange {
  text: string;
  tone: ChangeTone;
}

export interface ReviewSummary {
  required: number;
  published: number;
  /** "7 of 10 published (70 %)"; "No review required" when none is. */
  headline: string;
  /** Share of the required reviews that are published, 0–1; null when none is required. */
  publishedShare: number | null;
  onTime: string;
  overdue: number;
  medianDaysToPublish: string;
  change: LoopChange | null;
  smallSample: boolean;
  overdueIncidents: { id: string; key: string; title: string; severity: string; href: string }[];
}

export interface RepeatSummary {
  count: number;
  /** "4 of 31 incidents (13 %)". */
  headline: string;
  change: LoopChange | null;
  smallSample: boolean;
  byRootCause: { id: string; name: string; count: number }[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** "3.2 days" (one decimal, days are what a review's due date is counted in). */
export function formatDays(days: number | null | undefined): string {
  if (days == null || !Number.isFinite(days)) return '—';
  const d = +days.toFixed(1);
  return `${d} ${d === 1 ? 'day' : 'days'}`;
}

/** Percentage points between two shares (0–1), the way a share's change reads plainly. */
function shareChange(current: number | null, previous: number | null, higherIsBetter: boolean, was: string): LoopChange {
  if (current == null || previous == null) return { text: `was ${was}`, tone: 'neutral' };
  const points = Math.round((current - previous) * 100);
  if (points === 0) return { text: `no change, was ${was}`, tone: 'neutral' };
  const up = points > 0;
  return { text: `${up ? '▲' : '▼'} ${Math.abs(points)} points, was ${was}`, tone: up === higherIsBetter ? 'better' : 'worse' };
}

/**
 * Review completion for the period (SPEC §6), with its change against the previous period (null: none): the share
 * published, in percentage points, and what it was. The overdue reviews link to their incidents.
 */
export function toReviewSummary(current: LoopInput['reviews'], previous: ReviewCompletionInput | null): ReviewSummary {
  const share = (r: ReviewCompletionInput) => (r.required ? r.published / r.required : null);
  const publishedShare = share(current);
  return {
    required: current.required,
    published: current.published,
    headline: current.required
      ? `${formatCount(current.published)} of ${formatCount(current.required)} published (${formatShare(publishedShare)})`
      : 'No review required',
    publishedShare,
    onTime: current.published ? `${formatCount(current.publishedOnTime)} of ${formatCount(current.published)} on time` : 'none published',
    overdue: current.overdue,
    medianDaysToPublish: formatDays(current.medianDaysToPublish),
    change:
      previous && (previous.required || current.required)
        ? shareChange(
            publishedShare,
            share(previous),
            true,
            previous.required ? `${formatCount(previous.published)} of ${formatCount(previous.required)}` : 'none required',
          )
        : null,
    smallSample: current.smallSample,
    overdueIncidents: (current.overdueIncidents ?? []).map((i) => ({ ...i, href: `/incidents/${i.id}` })),
  };
}

/** Repeat incidents for the period (SPEC §6): count and share, the count's change with what it was, by primary cause. */
export function toRepeatSummary(current: LoopInput['repeats'], previous: RepeatStatsInput | null): RepeatSummary {
  let change: LoopChange | null = null;
  if (previous) {
    const c = formatChange(current.count, previous.count);
    const was = `was ${formatCount(previous.count)} (${formatShare(previous.share)})`;
    change = { text: `${c.text === 'new (was 0)' ? 'new' : c.text}, ${was}`, tone: c.tone };
  }
  return {
    count: current.count,
    headline: `${plural(current.count, 'repeat incident')} of ${formatCount(current.incidentCount)} (${formatShare(current.share)})`,
    change,
    smallSample: current.smallSample,
    byRootCause: (current.byRootCause ?? []).map((c) => ({ id: c.cause.id, name: c.name, count: c.count })),
  };
}

export interface RepeatTrendInput {
  periodStart: string;
  count: number;
  incidentCount: number;
  share: number;
}

export interface RepeatTrendRow extends RepeatTrendInput {
  label: string;
}

/** The API's repeat buckets in time order, labelled by the overview's granularity. */
export function toRepeatSeries(trend: readonly RepeatTrendInput[], granularity: Granularity): RepeatTrendRow[] {
  return [...trend]
    .sort((a, b) => Date.parse(a.periodStart) - Date.parse(b.periodStart))
    .map((t) => ({ ...t, label: formatPeriodLabel(t.periodStart, granularity) }));
}

export interface FixThatDidNotHoldInput {
  actionItem: { id: string; title: string; completedAt?: string | null; incident: { id: string; key: string } };
  cause: { id: string; name: string };
  incidents: readonly { id: string; key: string; title: string }[];
  /** All later incidents; `incidents` lists the first few. */
  incidentCount: number;
  services: readonly { id: string; name: string }[];
}

export interface FixThatDidNotHold {
  id: string;
  title: string;
  /** The action item's own incident, where the fix was agreed. */
  source: { key: string; href: string };
  /** "Database failover · Checkout, Payments". */
  detail: string;
  incidents: { id: string; key: string; title: string; href: string }[];
  /** Later incidents not listed in `incidents`. */
  moreIncidents: number;
}

/** Fixes that did not hold, most later incidents first (as the API orders them), each with links to those incidents. */
export function toFixesThatDidNotHold(fixes: readonly FixThatDidNotHoldInput[]): FixThatDidNotHold[] {
  return fixes.map((f) => ({
    id: f.actionItem.id,
    title: f.actionItem.title,
    source: { key: f.actionItem.incident.key, href: `/incidents/${f.actionItem.incident.id}` },
    detail: [f.cause.name, f.services.map((s) => s.name).join(', ')].filter(Boolean).join(' · '),
    incidents: f.incidents.map((i) => ({ id: i.id, key: i.key, title: i.title, href: `/incidents/${i.id}` })),
    moreIncidents: Math.max(0, f.incidentCount - f.incidents.length),
  }));
}
