import { useState } from 'react';
import { formatDate } from '../../../charts/formatters';
import type { SourceFieldsFragment } from '../../../gql/graphql';
import { DeleteSourceMutation, UpdateSourceMutation } from '../graphql/sourceDocuments';
import { useSourceMutation } from '../hooks/useSourceMutation';
import { kindFields, kindLabel } from '../transforms/sourceForm';
import { scheduleLabel, webhookHint } from '../transforms/syncRuns';
import { SourceEditor } from './SourceEditor';
import { WebhookUrl } from './WebhookUrl';

type Panel = 'edit' | 'runs' | 'delete' | null;

/** One source: what it is, its last run, its webhook URL and what an admin can do with it. */
export function SourceItem({ source, teams }: { source: SourceFieldsFragment; teams: readonly { id: string; name: string }[] }) {
  const [panel, setPanel] = useState<Panel>(null);
  const toggle = useSourceMutation(UpdateSourceMutation);
  const remove = useSourceMutation(DeleteSourceMutation);
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
        {source.team.name} · {scheduleLabel(source.kind, source.syncEveryMinutes)}
        {f.pulls && <> · reaches back to {formatDate(source.since)}</>}
        {f.baseUrl && source.baseUrl && <> · {source.baseUrl}</>}
        {f.token && !source.hasToken && <span className="badge overdue">no token</span>}
      </p>
      {toggle.errors._form && <div className="banner error">{toggle.errors._form}</div>}
      {webhookHint(source.kind) && <WebhookUrl url={source.webhookUrl} hint={webhookHint(source.kind)} />}
      <div className="button-row source-actions">
        <button type="button" aria-expanded={panel === 'edit'} onClick={() => open('edit')}>
          Edit
        </button>
        <button type="button" disabled={toggle.busy} onClick={() => toggle.submit({ id: source.id, input: { enabled: !source.enabled } })}>
          {source.enabled ? 'Pause' : 'Resume'}
        </button>
        <button type="button" className="link-button" aria-expanded={panel === 'delete'} onClick={() => open('delete')}>
          Delete
        </button>
      </div>
      {panel === 'edit' && <SourceEditor key={source.version} source={source} teams={teams} onDone={() => setPanel(null)} />}
      {panel === 'delete' && (
        <div className="banner warning" role="group" aria-label={`Delete ${source.name}`}>
          <p>
            Delete <strong>{source.name}</strong>? Syncing stops and its webhook refuses pushes. The incidents it brought in are kept, with
            everything people added to them; they are just no longer refreshed.
          </p>
          {remove.errors._form && <div className="banner error">{remove.errors._form}</div>}
          <div className="button-row">
            <button type="button" className="danger" disabled={remove.busy} onClick={() => remove.submit({ id: source.id })}>
              Delete source
            </button>
            <button type="button" onClick={() => setPanel(null)}>
              Keep it
            </button>
          </div>
        </div>
      )}
    </article>
  );
}
