import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { errorMessage } from '../../../app/graphql/graphqlErrors';
import type { FilterState } from '../../filters/transforms/filterParams';
import { IncidentListQuery } from '../graphql/IncidentListQuery';
import { toIncidentFilter, type ListParams } from '../transforms/toIncidentFilter';

export const pageSize = 25;

export function useIncidentList(state: FilterState, list: ListParams) {
  const [now] = useState(() => new Date());
  const filter = useMemo(() => toIncidentFilter(state, list, now), [state, list, now]);
  const [result, reexecute] = useQuery({
    query: IncidentListQuery,
    variables: { filter, first: pageSize, after: list.after, sort: list.sort },
  });
  const conn = result.data?.incidents;
  return {
    filter,
    rows: conn?.edges.map((e) => e.node) ?? [],
    totalCount: conn?.totalCount ?? null,
    pageInfo: conn?.pageInfo ?? null,
    fetching: result.fetching,
    error: result.error ? errorMessage(result.error) : null,
    onRetry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
