import { Timestamp } from '../../../app/ui/Timestamp';
import { formatCount } from '../../../charts/formatters';
import { runErrorCount, statusLabels, triggerLabels, type RunLike, type SyncTrigger } from '../transforms/syncRuns';

export interface HistoryRun extends RunLike {
  id: string;
  trigger: SyncTrigger;
  queuedAt: string;
  startedAt?: string | null;
  finishedAt?: string | null;
}

/** The latest runs of a source, newest first; each run's errors open below it. */
export function SyncRunHistory({ runs, sourceName }: { runs: readonly HistoryRun[]; sourceName: string }) {
  if (runs.length === 0) return <p className="muted">No runs yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table run-history">
        <caption className="visually-hidden">Runs of {sourceName}</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Trigger</th>
            <th scope="col">Queued</th>
            <th scope="col">Started</th>
            <th scope="col">Finished</th>
            <th scope="col">Fetched</th>
            <th scope="col">Created</th>
            <th scope="col">Updated</th>
            <th scope="col">Unchanged</th>
            <th scope="col">Skipped</th>
            <th scope="col">Errors</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const errors = runErrorCount(r);
            return (
              <tr key={r.id}>
                <td>
                  <span className={`badge run-${r.status.toLowerCase()}`}>{statusLabels[r.status]}</span>
                </td>
                <td>{triggerLabels[r.trigger]}</td>
                <td>
                  <Timestamp value={r.queuedAt} />
                </td>
                <td>
                  <Timestamp value={r.startedAt} />
                </td>
                <td>
                  <Timestamp value={r.finishedAt} />
                </td>
                <td>{formatCount(r.fetched)}</td>
                <td>{formatCount(r.created)}</td>
                <td>{formatCount(r.updated)}</td>
                <td>{formatCount(r.unchanged)}</td>
                <td>{formatCount(r.skipped)}</td>
                <td className={errors ? 'bad' : undefined}>
                  {errors === 0 ? (
                    '0'
                  ) : (
                    <details className="run-errors">
                      <summary>{formatCount(errors)}</summary>
                      <ul>
                        {r.errors.map((e, i) => (
                          <li key={i}>
                            {e.externalId ? <code>{e.externalId}</code> : <strong>Run</strong>}: {e.message}
                          </li>
                        ))}
                      </ul>
                      {errors > r.errors.length && <p className="muted small">and {formatCount(errors - r.errors.length)} more</p>}
                    </details>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
