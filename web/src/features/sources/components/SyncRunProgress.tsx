import { Timestamp } from '../../../app/ui/Timestamp';
import { formatCount } from '../../../charts/formatters';
import { isRunActive, runCounts, runProgressText, statusLabels, type RunLike } from '../transforms/syncRuns';

export interface SyncRunProgressProps {
  run: RunLike & { queuedAt: string; startedAt?: string | null; finishedAt?: string | null };
}

/** A run being watched after "Sync now": status and counts, read out as they change. */
export function SyncRunProgress({ run }: SyncRunProgressProps) {
  const active = isRunActive(run.status);
  return (
    <div className={`sync-progress status-${run.status.toLowerCase()}`} role="status" aria-live="polite">
      <div>
        <span className={`badge run-${run.status.toLowerCase()}`}>{statusLabels[run.status]}</span>{' '}
        {active ? <span className="spinner" aria-hidden="true" /> : null}
        <span className="small">{runProgressText(run)}</span>
      </div>
      <dl className="run-counts">
        {runCounts(run).map((c) => (
          <div key={c.label}>
            <dt>{c.label}</dt>
            <dd>{formatCount(c.value)}</dd>
          </div>
        ))}
      </dl>
      <span className="muted small">
        queued <Timestamp value={run.queuedAt} />
        {run.finishedAt && (
          <>
            {' '}
            · finished <Timestamp value={run.finishedAt} />
          </>
        )}
      </span>
    </div>
  );
}
