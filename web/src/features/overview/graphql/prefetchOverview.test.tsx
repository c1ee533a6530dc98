import { act, render, screen } from '@testing-library/react';
import { Client, Provider, cacheExchange, fetchExchange } from 'urql';
import { parseFilterParams } from '../../filters/transforms/filterParams';
import { useGapMatrix } from '../hooks/useGapMatrix';
import { toOverviewFilter } from '../transforms/overviewVariables';
import { prefetchOverview } from './prefetchOverview';

const NOW = new Date('2026-12-07T10:00:00Z');
const SEARCH = '?period=365d&team=3';
const filterOf = (search: string) => toOverviewFilter(parseFilterParams(new URLSearchParams(search)), NOW);

const tick = () => new Promise((r) => setTimeout(r, 10));

/** A GraphQL endpoint that answers only when told to, and remembers what it was asked. */
function fakeEndpoint() {
  const asked: { operationName: string; variables: Record<string, unknown> }[] = [];
  const waiting: (() => void)[] = [];
  const fetch = (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as (typeof asked)[number];
    asked.push(body);
    const gaps = [
      {
        service: { id: 's1', name: 'Checkout' },
        mechanism: { id: 'm1', name: 'Failover' },
        gapCount: 2,
        missingCount: 1,
        failedCount: 1,
        downtimeMinutes: 30,
        covered: false,
      },
    ];
    return new Promise<Response>((resolve) =>
      waiting.push(() =>
        resolve(
          new Response(JSON.stringify({ data: { reliabilityMetrics: { __typename: 'ReliabilityMetrics', redundancyGaps: gaps } } }), {
            headers: { 'content-type': 'application/json' },
          }),
        ),
      ),
    );
  };
  // the client sends on a later tick: let it, then answer everything asked so far
  const answerAll = async () => {
    await act(async () => {
      await tick();
      waiting.splice(0).forEach((answer) => answer());
      await tick();
    });
  };
  return { asked, fetch, answerAll };
}

function newClient(fetch: typeof globalThis.fetch) {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    exchanges: [cacheExchange, fetchExchange],
    fetch,
  });
}

function Gaps({ search }: { search: string }) {
  const gaps = useGapMatrix(filterOf(search));
  return <p>{gaps.gapCount == null ? 'waiting' : `${gaps.gapCount} gaps`}</p>;
}

describe('prefetchOverview', () => {
  it("sends the overview's six metric queries and the filter bar's options with the variables the page's hooks use", async () => {
    const api = fakeEndpoint();
    prefetchOverview(newClient(api.fetch), SEARCH, { withSources: true, now: NOW });
    await tick();
    expect(api.asked.map((b) => b.operationName)).toEqual([
      'FilterOptions',
      'OverviewHeadline',
      'OverviewFixNext',
      'OverviewTrend',
      'OverviewCauses',
      'OverviewGaps',
      'OverviewDistribution',
    ]);
    const filter = { from: '2025-12-07T00:00:00.000Z', teamIds: ['3'] };
    expect(api.asked[0].variables).toEqual({ withSources: true });
    expect(api.asked[1].variables).toEqual({ filter, withPrevious: true, withLoop: true });
    expect(api.asked[3].variables).toEqual({ filter, granularity: 'MONTH' });
    expect(api.asked[5].variables).toEqual({ filter });
  });

  it('a hook mounted while the request is under way joins it instead of sending its own', async () => {
    const api = fakeEndpoint();
    const client = newClient(api.fetch);
    prefetchOverview(client, SEARCH, { withSources: true, now: NOW });
    render(
      <Provider value={client}>
        <Gaps search={SEARCH} />
      </Provider>,
    );
    expect(screen.getByText('waiting')).toBeInTheDocument();
    await api.answerAll();
    expect(screen.getByText('2 gaps')).toBeInTheDocument();
    expect(api.asked.filter((b) => b.operationName === 'OverviewGaps')).toHaveLength(1);
  });

  it('a hook mounted after the answer reads it without asking again; a later visit refreshes as before', async () => {
    const api = fakeEndpoint();
    const client = newClient(api.fetch);
    prefetchOverview(client, SEARCH, { withSources: true, now: NOW });
    await api.answerAll();
    const view = render(
      <Provider value={client}>
        <Gaps search={SEARCH} />
      </Provider>,
    );
    expect(screen.getByText('2 gaps')).toBeInTheDocument();
    await api.answerAll();
    expect(api.asked.filter((b) => b.operationName === 'OverviewGaps')).toHaveLength(1);
    view.unmount();

    // the next visit (cache-and-network, the client's default) shows the cached answer and asks for a fresh one
    render(
      <Provider value={client}>
        <Gaps search={SEARCH} />
      </Provider>,
    );
    expect(screen.getByText('2 gaps')).toBeInTheDocument();
    await api.answerAll();
    expect(api.asked.filter((b) => b.operationName === 'OverviewGaps')).toHaveLength(2);
  });

  it('another filter is asked for as usual', async () => {
    const api = fakeEndpoint();
    const client = newClient(api.fetch);
    prefetchOverview(client, SEARCH, { withSources: true, now: NOW });
    render(
      <Provider value={client}>
        <Gaps search="?period=365d&team=4" />
      </Provider>,
    );
    await api.answerAll();
    const gaps = api.asked.filter((b) => b.operationName === 'OverviewGaps');
    expect(gaps.map((b) => b.variables.filter)).toEqual([
      { from: '2025-12-07T00:00:00.000Z', teamIds: ['3'] },
      { from: '2025-12-07T00:00:00.000Z', teamIds: ['4'] },
    ]);
  });
});
