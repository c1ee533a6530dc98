import { useRef } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { hasRole } from '../../app/auth/RequireRole';
import { useSession } from '../../app/auth/useSession';
import { errorMessage } from '../../app/graphql/graphqlErrors';
import { SeverityBadge } from '../../app/ui/SeverityBadge';
import { Timestamp } from '../../app/ui/Timestamp';
import { formatDateTime, formatDuration } from '../../charts/formatters';
import type { IncidentDetailFieldsFragment, IncidentReferenceQuery } from '../../gql/graphql';
import { ActionItemsSection } from './components/ActionItemsSection';
import { CauseTagging } from './components/CauseTagging';
import { ConflictBanner } from './components/ConflictBanner';
import { IncidentDetailsForm } from './components/IncidentDetailsForm';
import { IncidentMergePanel } from './components/IncidentMergePanel';
import { PhaseTimeline } from './components/PhaseTimeline';
import { RedundancyAssessments } from './components/RedundancyAssessments';
import { TimelineEvents } from './components/TimelineEvents';
import { AssignableUsersQuery, IncidentDetailQuery, IncidentReferenceQuery as ReferenceDoc } from './graphql/incidentDocuments';
import { useActionItemEditing } from './hooks/useActionItemEditing';
import { useIncidentActions } from './hooks/useIncidentActions';
import { useIncidentEditor } from './hooks/useIncidentEditor';
import { toIncidentMergeView } from './transforms/incidentMerge';
import { detectionSourceLabels } from './transforms/incidentForm';
import { safeExternalUrl, toOverriddenFormFields, toSourceValueLabels } from './transforms/sourceLink';
import { toAssessmentRows } from './transforms/toAssessmentRows';
import './incident.css';

export function IncidentPage() {
  const { id = '' } = useParams();
  const [result] = useQuery({ query: IncidentDetailQuery, variables: { id } });
  const [reference] = useQuery({ query: ReferenceDoc, requestPolicy: 'cache-first' });
  // A failed refetch (after a mutation) keeps showing the last good version, with the error above it.
  const lastGood = useRef<IncidentDetailFieldsFragment | null>(null);
  if (result.data?.incident) lastGood.current = result.data.incident;
  if (lastGood.current && lastGood.current.id !== id) lastGood.current = null;
  const incident = result.data?.incident ?? (result.error ? lastGood.current : null);

  if (result.error && !incident) {
    return (
      <div className="page">
        <div className="banner error" role="alert">
          Could not load the incident: {errorMessage(result.error)}
        </div>
        <Link to="/incidents">← All incidents</Link>
      </div>
    );
  }
  if (!incident || !reference.data) {
    if (result.data && !incident) {
      return (
        <div className="page">
          <h1>Incident not found</h1>
          <p>It does not exist or you do not have access to it.</p>
          <Link to="/incidents">← All incidents</Link>
        </div>
      );
    }
    return (
      <div className="page-loading" role="status">
        Loading incident…
      </div>
    );
  }
  return (
    <>
      {result.error && (
        <div className="banner error page-banner" role="alert">
          Could not refresh the incident: {errorMessage(result.error)}. Showing the last loaded version.
        </div>
      )}
      <IncidentWorkspace key={incident.id} incident={incident} reference={reference.data} />
    </>
  );
}

/** A section's errors; `formOnly` when the section's form already shows field errors next to the fields. */
function SectionErrors({ errors, formOnly }: { errors?: Record<string, string>; formOnly?: boolean }) {
  const messages = formOnly ? (errors?._form ? [errors._form] : []) : [...new Set(Object.values(errors ?? {}))];
  if (messages.length === 0) return null;
  return (
    <div className="banner error" role="alert">
      {messages.join(' ')}
    </div>
  );
}

const kindNames: Record<string, string> = {
  PAGERDUTY: 'PagerDuty',
  INCIDENT_IO: 'incident.io',
  STATUSPAGE: 'the status page',
  WEBHOOK: 'the source',
};

/** Where a synced incident came from, with a link to the original (http(s) only). */
function SyncedFrom({
  source,
  externalId,
  externalUrl,
}: {
  source: NonNullable<IncidentDetailFieldsFragment['syncedFrom']>;
  externalId?: string | null;
  externalUrl?: string | null;
}) {
  const href = safeExternalUrl(externalUrl);
  return (
    <p className="synced-from">
      Synced from <strong>{source.name}</strong>
      {externalId && <span className="muted"> ({externalId})</span>}
      {source.deleted && <span className="muted"> · the source was deleted, so it is no longer refreshed</span>}
      {href && (
        <>
          {' · '}
          <a href={href} target="_blank" rel="noopener noreferrer">
            Open in {kindNames[source.kind] ?? 'the source'}
            <span className="visually-hidden"> (opens in a new tab)</span> ↗
          </a>
        </>
      )}
      <span className="muted small"> · Fields edited here are kept across syncs and marked “edited here”.</span>
    </p>
  );
}

function IncidentWorkspace({ incident, reference }: { incident: IncidentDetailFieldsFragment; reference: IncidentReferenceQuery }) {
  const session = useSession();
  const [users] = useQuery({ query: AssignableUsersQuery, requestPolicy: 'cache-first' });
  const editor = useIncidentEditor(incident);
  const actions = useIncidentActions(incident.id, incident.version, () => editor.setConflict(true));
  const itemEditing = useActionItemEditing(incident.id);
  const user = session?.user;
  const canEdit = hasRole(user, 'ADMIN') || (hasRole(user, 'RESPONDER') && !!user?.teams.some((t) => t.id === incident.team.id));

  const declared = incident.services.flatMap((s) => s.redundancy.map((r) => r.id));
  const assessmentRows = toAssessmentRows(reference.redundancyMechanisms, incident.assessments, declared);
  const taggedCauses = [incident.primaryCause, ...incident.contributingFactors]
    .filter((t): t is NonNullable<typeof t> => !!t)
    .map((t) => t.cause);
  const gapMechanisms = incident.assessments.filter((a) => a.outcome === 'MISSING' || a.outcome === 'FAILED').map((a) => a.mechanism);
  const assignable = users.data?.users ?? (user ? [{ id: user.id, email: user.email, name: null }] : []);

  return (
    <div className="page incident-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/incidents">Incidents</Link> › {incident.key}
      </nav>
      <div className="page-header">
        <h1>
          {incident.key} · {incident.title}
        </h1>
        <div className="header-badges">
          <SeverityBadge severity={incident.severity} />
          <span className={`badge status-${incident.status.toLowerCase()}`}>{incident.status.toLowerCase()}</span>
          {incident.kind === 'NEAR_MISS' && <span className="badge">near miss</span>}
          {incident.private && <span className="badge">private</span>}
          {incident.excludeFromMetrics && <span className="badge">excluded from metrics</span>}
          <span className="muted small">
            {incident.team.name} · downtime {formatDuration(incident.durationMinutes)} · version {incident.version} · updated{' '}
            <Timestamp value={incident.updatedAt} /> · source {incident.source}
            {incident.externalId ? ` (${incident.externalId})` : ''}
          </span>
        </div>
      </div>
      {incident.syncedFrom && (
        <SyncedFrom source={incident.syncedFrom} externalId={incident.externalId} externalUrl={incident.externalUrl} />
      )}
      {!canEdit && (
        <p className="banner info">You can read this incident; only responders of {incident.team.name} and admins can change it.</p>
      )}
      {editor.conflict && !editor.merge && (
        <ConflictBanner reloading={editor.reloading} onReload={editor.onReload} onDismiss={() => editor.setConflict(false)} />
      )}
      {editor.saved && (
        <p className="banner success" role="status">
          Saved.
        </p>
      )}

      <section className="card" aria-labelledby="phases-h">
        <h2 id="phases-h">Timeline of phases</h2>
        <PhaseTimeline {...incident} />
      </section>

      <section className="card" aria-labelledby="details-h">
        <h2 id="details-h">What happened</h2>
        {editor.merge && canEdit && (
          <IncidentMergePanel
            view={toIncidentMergeView(editor.merge.comparison, editor.merge.base, editor.merge.mine, editor.merge.theirs, reference)}
            choices={editor.merge.choices}
            latest={editor.merge.latest}
            saving={editor.saving}
            reloading={editor.reloading}
            onChoose={editor.onChoose}
            onSave={editor.onMergeSave}
            onReload={editor.onReload}
          />
        )}
        <SectionErrors errors={actions.errors.reset} />
        <IncidentDetailsForm
          values={editor.values}
          errors={editor.errors}
          services={reference.services}
          teams={reference.teams}
          readOnly={!canEdit}
          saving={editor.saving}
          dirty={editor.dirty}
          submitLabel="Save changes"
          onChange={editor.onChange}
          onSubmit={editor.onSave}
          onCancel={editor.onDiscard}
          overridden={incident.syncedFrom ? toOverriddenFormFields(incident.overriddenFields) : undefined}
          sourceValues={toSourceValueLabels(
            incident.sourceValues,
            formatDateTime,
            (sid) => reference.services.find((s) => s.id === sid)?.name,
            (d) => detectionSourceLabels[d as keyof typeof detectionSourceLabels] ?? d,
          )}
          onResetField={actions.resetField}
          resetting={actions.busy.reset}
        />
      </section>

      <section className="card" aria-labelledby="causes-h">
        <h2 id="causes-h">Root cause</h2>
        <SectionErrors errors={actions.errors.tags} />
        <CauseTagging
          primary={incident.primaryCause}
          contributing={incident.contributingFactors}
          causes={reference.rootCauses}
          canEdit={canEdit}
          busy={actions.busy.tags}
          onSetPrimary={actions.setPrimary}
          onSetContributing={actions.setContributing}
          onConfirm={actions.confirm}
        />
      </section>
      <section className="card" aria-labelledby="redundancy-h">
        <h2 id="redundancy-h">Redundancy</h2>
        <SectionErrors errors={actions.errors.redundancy} />
        <RedundancyAssessments rows={assessmentRows} canEdit={canEdit} busy={actions.busy.redundancy} onAssess={actions.assess} />
      </section>

      <section className="card" aria-labelledby="actions-h">
        <h2 id="actions-h">Action items</h2>
        <SectionErrors errors={actions.errors.actions} formOnly />
        <ActionItemsSection
          items={itemEditing.items(incident.actionItems)}
          edits={itemEditing.edits}
          users={assignable}
          causes={taggedCauses}
          gapMechanisms={gapMechanisms}
          canEdit={canEdit}
          busy={actions.busy.actions}
          errors={actions.errors.actions ?? {}}
          onCreate={actions.createActionItem}
          onStatusChange={itemEditing.setStatus}
          onEdit={itemEditing.start}
          onEditChange={itemEditing.change}
          onEditSave={itemEditing.save}
          onEditCancel={itemEditing.cancel}
        />
      </section>

      <section className="card" aria-labelledby="timeline-h">
        <h2 id="timeline-h">Timeline events</h2>
        <SectionErrors errors={actions.errors.timeline} formOnly />
        <TimelineEvents
          events={incident.timeline}
          canEdit={canEdit}
          busy={actions.busy.timeline}
          errors={actions.errors.timeline ?? {}}
          onAdd={actions.addTimelineEvent}
        />
      </section>
    </div>
  );
}
