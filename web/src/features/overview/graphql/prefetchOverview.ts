import { createRequest, type Client } from 'urql';
import { FilterOptionsQuery } from '../../filters/graphql/FilterOptionsQuery';
import { parseFilterParams } from '../../filters/transforms/filterParams';
import {
  fixNextVariables,
  headlineVariables,
  overviewGranularity,
  toOverviewFilter,
  trendVariables,
} from '../transforms/overviewVariables';
import {
  OverviewCausesQuery,
  OverviewDistributionQuery,
  OverviewFixNextQuery,
  OverviewGapsQuery,
  OverviewHeadlineQuery,
  OverviewTrendQuery,
} from './overviewQueries';

/** Keys (document + variables) of the requests started for a page not rendered yet, per client. */
const started = new WeakMap<Client, Set<number>>();

/**
 * Sends the overview's queries for the address `search` before the page's chunk has loaded (render-as-you-fetch): the
 * same documents and variables the page's hooks use, so when they mount they read these answers (or join the
 * requests still under way) instead of sending their own. `withSources`: the filter bar's options include the sources
 * (admins only), as useFilterOptions asks for them.
 */
export function prefetchOverview(
  client: Client,
  search: string,
  { withSources, now = new Date() }: { withSources: boolean; now?: Date },
): void {
  const params = new URLSearchParams(search);
  const state = parseFilterParams(params);
  const filter = toOverviewFilter(state, now);
  const requests = [
    createRequest(OverviewHeadlineQuery, headlineVariables(filter, true)),
    createRequest(OverviewFixNextQuery, fixNextVariables(filter)),
    createRequest(OverviewTrendQuery, trendVariables(filter, overviewGranularity(params, state.period))),
    createRequest(OverviewCausesQuery, { filter }),
    createRequest(OverviewGapsQuery, { filter }),
    createRequest(OverviewDistributionQuery, { filter }),
  ];
  let keys = started.get(client);
  if (!keys) started.set(client, (keys = new Set()));
  // useFilterOptions reads its query cache-first already: it joins or reads this one without being told
  void client.query(FilterOptionsQuery, { withSources }).toPromise();
  for (const request of requests) {
    keys.add(request.key);
    // errors reach the page's hooks through the same operation; nothing to do with them here
    void client.executeQuery(request).toPromise();
  }
}

/**
 * Whether the request with this key was started by prefetchOverview and no mounted hook has taken it yet
 * (takePrefetched). Such a query is read with `cache-first`: the client's default, `cache-and-network`, would send it
 * again once answered.
 */
export function isPrefetched(client: Client, key: number): boolean {
  return started.get(client)?.has(key) ?? false;
}

/** Later mounts (another visit, the same filter again) read and refresh as usual. */
export function takePrefetched(client: Client, key: number): void {
  started.get(client)?.delete(key);
}
