import type { Granularity } from '../../../charts/formatters';
import { periodRange, toMetricsFilter, type FilterState, type MetricsFilterVars } from '../../filters/transforms/filterParams';

/**
 * The variables of the overview's queries, in one place: the page's hooks and the requests started before the page
 * renders (prefetchOverview) must build exactly the same ones, or the client cannot tell they are the same query.
 */
export function toOverviewFilter(state: FilterState, now: Date): MetricsFilterVars {
  return toMetricsFilter(state, periodRange(state, now));
}

function defaultGranularity(period: string): Granularity {
  if (period === '30d' || period === '90d' || period === 'custom') return 'WEEK';
  if (period === 'all') return 'QUARTER';
  return 'MONTH';
}

/** The trend's granularity: the `g` parameter, else the one that suits the period. */
export function overviewGranularity(params: URLSearchParams, period: string): Granularity {
  const g = params.get('g');
  return g === 'WEEK' || g === 'MONTH' || g === 'QUARTER' ? g : defaultGranularity(period);
}

/** The previous period is asked for only when the period has a start (all time is compared with nothing). */
export function headlineVariables(filter: MetricsFilterVars, withLoop: boolean) {
  return { filter, withPrevious: !!filter.from, withLoop };
}

export function trendVariables(filter: MetricsFilterVars, granularity: Granularity) {
  return { filter, granularity };
}

/** Fixes that did not hold shown before "more" (the API lists those followed by the most incidents first). */
export const FIXES_SHOWN = 3;

/** The "fix next" card's question: the first FIXES_SHOWN fixes that did not hold (their number comes with them). */
export function fixNextVariables(filter: MetricsFilterVars) {
  return { filter, fixesShown: FIXES_SHOWN };
}
