import { useMemo } from 'react';
import { useQuery } from 'urql';
import { MetricDefinitionsQuery } from '../graphql/metricDefinitionsQuery';
import { toDefinitionLookup, type DefinitionLookup } from '../transforms/explainMetric';

/**
 * The API's published metric definitions for pages that run no metrics query of their own. The list changes only with
 * a new API version, so it is asked once per session (cache-first) and shared by every page that uses it.
 */
export function useMetricDefinitions(): DefinitionLookup {
  const [result] = useQuery({ query: MetricDefinitionsQuery, requestPolicy: 'cache-first' });
  const list = result.data?.metricDefinitions;
  return useMemo(() => toDefinitionLookup(list), [list]);
}
