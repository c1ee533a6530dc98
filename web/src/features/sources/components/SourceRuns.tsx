import { useEffect } from 'react';
import { useQuery } from 'urql';
import { HistorySection } from '../../../app/ui/HistorySection';
import { SyncRunsQuery } from '../graphql/sourceDocuments';
import { SyncRunHistory } from './SyncRunHistory';

export const RUN_HISTORY_SIZE = 20;

/** The source's latest runs; `refresh` changes when a watched run finishes. */
export function SourceRuns({ sourceId, sourceName, refresh }: { sourceId: string; sourceName: string; refresh: number }) {
  const [result, reexecute] = useQuery({ query: SyncRunsQuery, variables: { sourceId, first: RUN_HISTORY_SIZE } });
  useEffect(() => {
    if (refresh) reexecute({ requestPolicy: 'network-only' });
  }, [refresh, reexecute]);
  const runs = result.data?.syncRuns;
  return (
    <HistorySection
      className="source-runs"
      label={`Runs of ${sourceName}`}
      noun="runs"
      loading={!result.data && !result.error}
      error={result.error}
      count={runs?.length}
      limit={RUN_HISTORY_SIZE}
      empty="No runs yet."
    >
      {runs && <SyncRunHistory runs={runs} sourceName={sourceName} />}
    </HistorySection>
  );
}
