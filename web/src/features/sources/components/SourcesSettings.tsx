import { useState } from 'react';
import { useQuery } from 'urql';
import { errorMessage } from '../../../app/graphql/graphqlErrors';
import { SourceKindsQuery, SourcesQuery } from '../graphql/sourceDocuments';
import { SourceEditor } from './SourceEditor';
import { SourceItem } from './SourceItem';

/** Settings → Sources: the connections to incident tools, each with its runs; admins only. */
export function SourcesSettings() {
  const [result, reexecute] = useQuery({ query: SourcesQuery });
  // Each kind's default base URL and severity map, as the API defines them (asked once; they do not change).
  const [kindsResult] = useQuery({ query: SourceKindsQuery });
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const sources = result.data?.sources ?? [];
  const teams = result.data?.teams ?? [];
  const kinds = kindsResult.data?.sourceKinds;
  return (
    <div className="sources-settings">
      <p className="muted">
        A source pulls incidents from PagerDuty, incident.io or a public status page on a schedule, or takes pushes to its webhook. Fields
        someone edits here are kept across syncs; causes, assessments and action items are never touched by a sync.
      </p>
      {result.error && <div className="banner error">{errorMessage(result.error)}</div>}
      {!result.error && kindsResult.error && <div className="banner error">{errorMessage(kindsResult.error)}</div>}
      {(!result.data || !kinds) && !result.error && !kindsResult.error && <div role="status">Loading…</div>}
      {added && (
        <p className="banner success" role="status">
          Added {added}. Press Sync now to pull its incidents, or wait for its schedule.
        </p>
      )}
      {deleted && (
        <p className="banner success" role="status">
          Deleted {deleted}. The incidents it brought in are kept.
        </p>
      )}
      {result.data && sources.length === 0 && !adding && <p>No sources yet.</p>}
      <ul className="source-list">
        {sources.map((s) => (
          <li key={s.id}>
            <SourceItem
              source={s}
              teams={teams}
              kinds={kinds ?? []}
              onRunFinished={() => reexecute({ requestPolicy: 'network-only' })}
              onDeleted={(name) => {
                setDeleted(name);
                setAdded(null);
              }}
            />
          </li>
        ))}
      </ul>
      {adding && kinds ? (
        <section className="source-add" aria-labelledby="add-source-h">
          <h3 id="add-source-h">Add a source</h3>
          <SourceEditor
            teams={teams}
            kinds={kinds}
            onDone={(saved) => {
              setAdding(false);
              setAdded(saved ? saved.name : null);
            }}
          />
        </section>
      ) : (
        result.data &&
        kinds && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              setAdding(true);
              setAdded(null);
            }}
          >
            Add source
          </button>
        )
      )}
    </div>
  );
}
