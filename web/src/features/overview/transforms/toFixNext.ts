import { formatCount, formatDuration } from '../../../charts/formatters';
import { incidentsHref } from '../../filters/transforms/filterParams';
import type { CauseFrequencyInput } from './toParetoSeries';
import type { RedundancyGapInput } from './toGapMatrix';

export interface FixNextItem {
  id: string;
  kind: 'overdue' | 'gap' | 'cause';
  /** What to fix, in a few words. */
  title: string;
  /** Why: counts and downtime. */
  detail: string;
  /** Downtime behind it in minutes (null for the overdue action items). */
  downtimeMinutes: number | null;
  /** The page that lists what is behind it, with the overview's filters carried. */
  href: string;
}

export interface FixNextInput {
  /** The split into missing and failed is not needed here. */
  gaps: readonly Omit<RedundancyGapInput, 'missingCount' | 'failedCount'>[];
  causes: readonly CauseFrequencyInput[];
  /** Overdue action items of the incidents in the filter. */
  overdueActionItems: number;
  /** The overview's URL parameters (its filters). */
  params: URLSearchParams;
}

const COUNTED = { counted: '1' };
const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** `/action-items?view=overdue`, with the team when the overview is filtered to exactly one (that page takes one). */
export function overdueHref(params: URLSearchParams): string {
  const next = new URLSearchParams({ view: 'overdue' });
  const teams = (params.get('team') ?? '').split(',').filter(Boolean);
  if (teams.length === 1) next.set('team', teams[0]);
  return `/action-items?${next.toString()}`;
}

/**
 * What to fix next, ranked: overdue action items first (work already agreed and late), then uncovered
 * redundancy gaps (prevention nobody owns yet) and primary causes together by the downtime behind them,
 * largest first. Covered gaps and causes without downtime are left out. At most `limit` items.
 */
export function toFixNext({ gaps, causes, overdueActionItems, params }: FixNextInput, limit = 6): FixNextItem[] {
  const items: FixNextItem[] = [];
  if (overdueActionItems > 0) {
    items.push({
      id: 'overdue',
      kind: 'overdue',
      title: `Finish ${plural(overdueActionItems, 'overdue action item')}`,
      detail: 'open past their due date',
      downtimeMinutes: null,
      href: overdueHref(params),
    });
  }
  const ranked: FixNextItem[] = [
    ...gaps
      .filter((g) => !g.covered && g.gapCount > 0)
      .map((g) => ({
        id: `gap:${g.service.id}:${g.mechanism.id}`,
        kind: 'gap' as const,
        title: `${g.service.name}: ${g.mechanism.name} missing or failed`,
        detail: `${plural(g.gapCount, 'incident')} · ${formatDuration(g.downtimeMinutes)} downtime · no open action item`,
        downtimeMinutes: g.downtimeMinutes,
        href: incidentsHref(params, { serviceIds: [g.service.id] }, { ...COUNTED, gap: g.mechanism.id }),
      })),
    ...causes
      .filter((c) => c.downtimeMinutes > 0)
      .map((c) => ({
        id: `cause:${c.cause.id}`,
        kind: 'cause' as const,
        title: c.name,
        detail: `${plural(c.incidentCount, 'incident')} · ${formatDuration(c.downtimeMinutes)} downtime`,
        downtimeMinutes: c.downtimeMinutes,
        href: incidentsHref(params, { causeIds: [c.cause.id] }, COUNTED),
      })),
  ].sort((a, b) => b.downtimeMinutes - a.downtimeMinutes || a.title.localeCompare(b.title));
  return [...items, ...ranked].slice(0, limit);
}
