import { Fragment, useState } from 'react';
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

/** The latest runs of a source, newest first; each run's errors open below it (SourceRuns says when there are none). */
export function SyncRunHistory({ runs, sourceName }: { runs: readonly HistoryRun[]; sourceName: string }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((o) => {
      const next = new Set(o);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
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
            const expanded = open.has(r.id);
            return (
              <Fragment key={r.id}>
                <tr>
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
                  <td>
                    {errors === 0 ? (
                      '0'
                    ) : (
                      <button
                        type="button"
                        className="link-button run-errors-toggle"
                        aria-expanded={expanded}
                        aria-controls={`run-${r.id}-errors`}
                        onClick={() => toggle(r.id)}
                      >
                        {formatCount(errors)} {expanded ? '▾' : '▸'}
                        <span className="visually-hidden"> errors: {expanded ? 'hide' : 'show'}</span>
                      </button>
                    )}
                  </td>
                </tr>
                {expanded && (
                  <tr className="run-errors-row" id={`run-${r.id}-errors`}>
                    <td colSpan={11}>
                      <ul className="run-errors">
                        {r.errors.map((e, i) => (
                          <li key={i}>
                            {e.externalId ? <code>{e.externalId}</code> : <strong>Run</strong>}: {e.message}
                          </li>
                        ))}
                      </ul>
                      {errors > r.errors.length && <p className="muted small">and {formatCount(errors - r.errors.length)} more</p>}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
