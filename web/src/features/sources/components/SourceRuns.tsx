import { useEffect } from 'react';
import { useQuery } from 'urql';
import { errorMessage } from '../../../app/graphql/graphqlErrors';
import { SyncRunsQuery } from '../graphql/sourceDocuments';
import { SyncRunHistory } from './SyncRunHistory';

export const RUN_HISTORY_SIZE = 20;

/** The source's latest runs; `refresh` changes when a watched run finishes. */
export function SourceRuns({ sourceId, sourceName, refresh }: { sourceId: string; sourceName: string; refresh: number }) {
  const [result, reexecute] = useQuery({ query: SyncRunsQuery, variables: { sourceId, first: RUN_HISTORY_SIZE } });
  useEffect(() => {
    if (refresh) reexecute({ requestPolicy: 'network-only' });
  }, [refresh, reexecute]);
  return (
    <section className="source-runs" aria-label={`Runs of ${sourceName}`}>
      <h4 className="visually-hidden">Runs of {sourceName}</h4>
      {result.error && <div className="banner error">{errorMessage(result.error)}</div>}
      {!result.data && !result.error && <div role="status">Loading runs…</div>}
      {result.data && <SyncRunHistory runs={result.data.syncRuns} sourceName={sourceName} />}
      {result.data && result.data.syncRuns.length === RUN_HISTORY_SIZE && (
        <p className="muted small">The latest {RUN_HISTORY_SIZE} runs.</p>
      )}
    </section>
  );
}
