import { useState } from 'react';
import { ConfirmDelete } from '../../../app/ui/ConfirmDelete';
import { Timestamp } from '../../../app/ui/Timestamp';
import { formatDate, formatUtc } from '../../../charts/formatters';
import type { SourceFieldsFragment, SyncRunFieldsFragment } from '../../../gql/graphql';
import { DeleteSourceMutation, SyncSourceMutation, UpdateSourceMutation } from '../graphql/sourceDocuments';
import { useSourceMutation } from '../hooks/useSourceMutation';
import { useWatchedRun } from '../hooks/useWatchedRun';
import { kindFields, kindLabel, type SourceKindDefaults } from '../transforms/sourceForm';
import { isRunActive, runCountsText, scheduleLabel, statusLabels, triggerLabels, webhookHint } from '../transforms/syncRuns';
import { SourceEditor } from './SourceEditor';
import { SourceRuns } from './SourceRuns';
import { SyncRunProgress } from './SyncRunProgress';
import { WebhookUrl } from './WebhookUrl';

function LastRun({ run }: { run: SyncRunFieldsFragment | null | undefined }) {
  if (!run) return <p className="last-run muted">Never synced.</p>;
  const failure = run.status === 'FAILED' ? run.errors.find((e) => !e.externalId)?.message : undefined;
  return (
    <p className="last-run">
      <span className="muted">Last run:</span>
      <span className={`badge run-${run.status.toLowerCase()}`}>{statusLabels[run.status]}</span>
      <Timestamp value={run.finishedAt ?? run.startedAt ?? run.queuedAt} />
      <span className="muted">({triggerLabels[run.trigger].toLowerCase()})</span>
      <span className="small">{failure ?? runCountsText(run)}</span>
    </p>
  );
}

type Panel = 'edit' | 'runs' | 'delete' | null;

/** One source: what it is, its last run, its webhook URL and what an admin can do with it. */
export interface SourceItemProps {
  source: SourceFieldsFragment;
  teams: readonly { id: string; name: string }[];
  /** The API's defaults per kind (sourceKinds), for the edit form. */
  kinds: readonly SourceKindDefaults[];
  /** A watched run finished: the list's last runs are out of date. */
  onRunFinished: () => void;
  onDeleted?: (name: string) => void;
}

export function SourceItem({ source, teams, kinds, onRunFinished, onDeleted }: SourceItemProps) {
  const [panel, setPanel] = useState<Panel>(null);
  const toggle = useSourceMutation(UpdateSourceMutation);
  const remove = useSourceMutation(DeleteSourceMutation);
  const sync = useSourceMutation(SyncSourceMutation);
  // The run "Sync now" started, else a run already going when the page opened (a schedule or a push).
  const [started, setStarted] = useState<SyncRunFieldsFragment | null>(null);
  const [finishedCount, setFinishedCount] = useState(0);
  const lastActive = isRunActive(source.lastRun?.status) ? source.lastRun! : null;
  const { run, pollError } = useWatchedRun(started ?? lastActive, () => {
    setFinishedCount((n) => n + 1);
    onRunFinished();
  });
  const running = isRunActive(run?.status);
  const syncNow = async () => {
    const data = await sync.submit({ id: source.id });
    if (data) setStarted(data.syncSource);
  };
  const f = kindFields[source.kind];
  const open = (p: Panel) => setPanel(panel === p ? null : p);
  const headingId = `source-${source.id}-h`;
  return (
    <article className={`source-item${source.enabled ? '' : ' paused'}`} aria-labelledby={headingId}>
      <header className="source-head">
        <h3 id={headingId}>{source.name}</h3>
        <span className="badge">{kindLabel(source.kind)}</span>
        {source.enabled ? <span className="badge run-succeeded">enabled</span> : <span className="badge paused">paused</span>}
      </header>
      <p className="source-meta small">
        {source.team.name} ·{' '}
        {source.enabled
          ? scheduleLabel(source.kind, source.syncEveryMinutes)
          : `paused: no scheduled syncs${source.kind === 'WEBHOOK' ? '' : ` (${scheduleLabel(source.kind, source.syncEveryMinutes)} when resumed)`}, pushes refused`}
        {f.pulls && (
          <>
            {' '}
            · reaches back to {/* the form takes a UTC date, so the day shown is the UTC day */}
            <time dateTime={source.since} title={formatUtc(source.since)}>
              {formatDate(source.since.slice(0, 10))} (UTC)
            </time>
          </>
        )}
        {f.baseUrl && source.baseUrl && <> · {source.baseUrl}</>}
        {f.token && !source.hasToken && <span className="badge overdue">no token</span>}
      </p>
      {/* The watched run shows below in full; its one-line summary would say the same twice. */}
      {(!run || run.id !== source.lastRun?.id) && <LastRun run={source.lastRun} />}
      {webhookHint(source.kind) && <WebhookUrl url={source.webhookUrl} hint={webhookHint(source.kind)} />}
      {toggle.errors._form && <div className="banner error">{toggle.errors._form}</div>}
      {sync.errors._form && <div className="banner error">{sync.errors._form}</div>}
      {run && <SyncRunProgress run={run} />}
      {pollError && <p className="muted small">Lost touch with the server; still trying…</p>}
      <div className="button-row source-actions">
        {f.pulls && (
          <button type="button" className="primary" disabled={sync.busy || running} onClick={syncNow}>
            {running ? 'Syncing…' : 'Sync now'}
          </button>
        )}
        <button type="button" aria-expanded={panel === 'runs'} onClick={() => open('runs')}>
          Runs
        </button>
        <button type="button" aria-expanded={panel === 'edit'} onClick={() => open('edit')}>
          Edit
        </button>
        <button
          type="button"
          title={
            source.enabled
              ? 'Stop scheduled syncs and refuse webhook pushes (Sync now still works)'
              : 'Sync on the schedule and take pushes again'
          }
          disabled={toggle.busy}
          onClick={() => toggle.submit({ id: source.id, input: { enabled: !source.enabled } })}
        >
          {source.enabled ? 'Pause' : 'Resume'}
        </button>
        <button type="button" className="link-button" aria-expanded={panel === 'delete'} onClick={() => open('delete')}>
          Delete
        </button>
      </div>
      {panel === 'edit' && <SourceEditor key={source.version} source={source} teams={teams} kinds={kinds} onDone={() => setPanel(null)} />}
      {panel === 'runs' && <SourceRuns sourceId={source.id} sourceName={source.name} refresh={finishedCount} />}
      {panel === 'delete' && (
        <ConfirmDelete
          name={source.name}
          confirmLabel="Delete source"
          error={remove.errors._form}
          busy={remove.busy}
          onConfirm={async () => {
            if (await remove.submit({ id: source.id })) onDeleted?.(source.name);
          }}
          onCancel={() => setPanel(null)}
        >
          Delete <strong>{source.name}</strong>? Syncing stops and its webhook refuses pushes. The incidents it brought in are kept, with
          everything people added to them; they are just no longer refreshed.
        </ConfirmDelete>
      )}
    </article>
  );
}
