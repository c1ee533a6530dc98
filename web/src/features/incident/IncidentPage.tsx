import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
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
import { IncidentWriteUp } from './components/IncidentWriteUp';
import { PhaseTimeline } from './components/PhaseTimeline';
import { RedundancyAssessments } from './components/RedundancyAssessments';
import { RedundancySummary } from './components/RedundancySummary';
import { RepeatLinks } from './components/RepeatLinks';
import { ReviewSection } from './components/ReviewSection';
import { TimelineEvents } from './components/TimelineEvents';
import { AssignableUsersQuery, IncidentDetailQuery, IncidentReferenceQuery as ReferenceDoc } from './graphql/incidentDocuments';
import { IncidentLoopQuery } from './graphql/reviewDocuments';
import { useActionItemEditing } from './hooks/useActionItemEditing';
import { useIncidentActions } from './hooks/useIncidentActions';
import { useIncidentEditor } from './hooks/useIncidentEditor';
import { toIncidentMergeView } from './transforms/incidentMerge';
import { detectionSourceLabels } from './transforms/incidentForm';
import { safeExternalUrl, toOverriddenFormFields, toOverriddenLabels, toSourceValueLabels } from './transforms/sourceLink';
import { mayEditIncident } from './transforms/mayEditIncident';
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

const statusLabels: Record<string, string> = { ONGOING: 'ongoing', MITIGATED: 'mitigated', RESOLVED: 'resolved' };

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
  changedHere,
  editing,
}: {
  source: NonNullable<IncidentDetailFieldsFragment['syncedFrom']>;
  externalId?: string | null;
  externalUrl?: string | null;
  /** Fields edited here that the source also provides, by label. */
  changedHere: readonly string[];
  editing: boolean;
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
      {changedHere.length > 0 ? (
        <span className="muted small"> · Changed here and kept across syncs: {changedHere.join(', ')}.</span>
      ) : (
        editing && <span className="muted small"> · Fields edited here are kept across syncs and marked “edited here”.</span>
      )}
    </p>
  );
}

function IncidentWorkspace({ incident, reference }: { incident: IncidentDetailFieldsFragment; reference: IncidentReferenceQuery }) {
  const session = useSession();
  const user = session?.user;
  const canEdit = mayEditIncident(user, incident.team.id);
  // Everyone reads the write-up; those who may edit open the forms with "Edit".
  const [editingOpen, setEditing] = useState(false);
  const editing = canEdit && editingOpen;
  const [users] = useQuery({ query: AssignableUsersQuery, requestPolicy: 'cache-first', pause: !editing });
  // The review and repeats load on their own: the incident shows even when they cannot.
  const [loopResult] = useQuery({ query: IncidentLoopQuery, variables: { id: incident.id } });
  const loop = loopResult.data?.incident;
  const editor = useIncidentEditor(incident);
  const actions = useIncidentActions(incident.id, incident.version, () => editor.setConflict(true));
  const itemEditing = useActionItemEditing(incident.id);
  const detailsRef = useRef<HTMLElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    // Focus follows the switch: into the form on Edit, back to the button on Done (not on the first render).
    if (!opened.current) {
      opened.current = true;
      return;
    }
    if (editing) detailsRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    else editButtonRef.current?.focus();
  }, [editing]);

  const declared = incident.services.flatMap((s) => s.redundancy.map((r) => r.id));
  const assessmentRows = toAssessmentRows(reference.redundancyMechanisms, incident.assessments, declared);
  const taggedCauses = [incident.primaryCause, ...incident.contributingFactors]
    .filter((t): t is NonNullable<typeof t> => !!t)
    .map((t) => t.cause);
  const gapMechanisms = incident.assessments.filter((a) => a.outcome === 'MISSING' || a.outcome === 'FAILED').map((a) => a.mechanism);
  const assignable = users.data?.users ?? (user ? [{ id: user.id, email: user.email, name: null }] : []);
  const openItemEdits = Object.keys(itemEditing.edits).length > 0;
  const holdsEdits = editor.dirty || !!editor.merge || openItemEdits;

  return (
    <div className={`page incident-page${editing ? ' is-editing' : ''}`}>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/incidents">Incidents</Link> › {incident.key}
      </nav>
      <header className="incident-header">
        <div className="incident-title-row">
          <h1>
            <span className="incident-key">{incident.key}</span> {incident.title}
          </h1>
          {canEdit &&
            (editing ? (
              <span className="edit-control">
                <button
                  ref={editButtonRef}
                  type="button"
                  onClick={() => setEditing(false)}
                  disabled={holdsEdits}
                  aria-describedby={holdsEdits ? 'done-hint' : undefined}
                >
                  Done editing
                </button>
                {holdsEdits && (
                  <span id="done-hint" className="hint">
                    Save or discard your changes first.
                  </span>
                )}
              </span>
            ) : (
              <button ref={editButtonRef} type="button" className="primary" onClick={() => setEditing(true)}>
                Edit
              </button>
            ))}
        </div>
        <div className="header-badges">
          <SeverityBadge severity={incident.severity} />
          <span className={`badge status-${incident.status.toLowerCase()}`}>
            {statusLabels[incident.status] ?? incident.status.toLowerCase()}
          </span>
          {incident.kind === 'NEAR_MISS' && <span className="badge">near miss</span>}
          {incident.private && <span className="badge">private</span>}
          {incident.excludeFromMetrics && <span className="badge">excluded from metrics</span>}
          {loop?.repeatOf && <span className="badge repeat-badge">Repeat</span>}
        </div>
        {loop && <RepeatLinks startedAt={loop.startedAt} repeatOf={loop.repeatOf} repeatedBy={loop.repeatedBy} />}
        <dl className="incident-facts">
          <div>
            <dt>Team</dt>
            <dd>{incident.team.name}</dd>
          </div>
          <div>
            <dt>Services</dt>
            <dd>
              {incident.services.length ? incident.services.map((s) => s.name).join(', ') : <span className="muted">none recorded</span>}
            </dd>
          </div>
          <div>
            <dt>Impact started</dt>
            <dd>
              <Timestamp value={incident.startedAt} />
            </dd>
          </div>
          <div>
            <dt>Downtime</dt>
            <dd>{formatDuration(incident.durationMinutes)}</dd>
          </div>
        </dl>
        {incident.syncedFrom && (
          <SyncedFrom
            source={incident.syncedFrom}
            externalId={incident.externalId}
            externalUrl={incident.externalUrl}
            changedHere={toOverriddenLabels(incident.overriddenFields)}
            editing={editing}
          />
        )}
        <p className="muted small incident-meta">
          Version {incident.version} · updated <Timestamp value={incident.updatedAt} /> · source {incident.source}
          {incident.externalId && !incident.syncedFrom ? ` (${incident.externalId})` : ''}
        </p>
      </header>
      {!canEdit && (
        <p className="muted small read-only-note">Only responders of {incident.team.name} and admins can change this incident.</p>
      )}
      {editor.conflict && !editor.merge && (
        <ConflictBanner reloading={editor.reloading} onReload={editor.onReload} onDismiss={() => editor.setConflict(false)} />
      )}
      {editor.saved && (
        <p className="banner success" role="status">
          Saved.
        </p>
      )}

      <section className="card" aria-labelledby="details-h" ref={detailsRef}>
        <h2 id="details-h">What happened</h2>
        {editing ? (
          <>
            {editor.merge && (
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
          </>
        ) : (
          <IncidentWriteUp incident={incident} />
        )}
      </section>

      {loop ? (
        <ReviewSection
          key={incident.id}
          incidentId={incident.id}
          postMortem={loop.postMortem}
          reviewDueDays={loopResult.data?.loopSettings.reviewDueDays ?? null}
          resolvedAt={loop.resolvedAt ?? null}
          canEdit={canEdit}
        />
      ) : (
        <section className="card" aria-labelledby="review-h">
          <h2 id="review-h">Review</h2>
          {loopResult.error ? (
            <div className="banner error" role="alert">
              Could not load the review: {errorMessage(loopResult.error)}
            </div>
          ) : (
            <p role="status" className="muted">
              Loading the review…
            </p>
          )}
        </section>
      )}

      <section className="card" aria-labelledby="phases-h">
        <h2 id="phases-h">Timeline of phases</h2>
        <PhaseTimeline {...incident} />
      </section>

      <section className="card" aria-labelledby="causes-h">
        <h2 id="causes-h">Root cause</h2>
        <SectionErrors errors={actions.errors.tags} />
        <CauseTagging
          primary={incident.primaryCause}
          contributing={incident.contributingFactors}
          causes={reference.rootCauses}
          canEdit={editing}
          busy={actions.busy.tags}
          onSetPrimary={actions.setPrimary}
          onSetContributing={actions.setContributing}
          onConfirm={actions.confirm}
        />
      </section>
      <section className="card" aria-labelledby="redundancy-h">
        <h2 id="redundancy-h">Redundancy</h2>
        <SectionErrors errors={actions.errors.redundancy} />
        {editing ? (
          <RedundancyAssessments rows={assessmentRows} canEdit busy={actions.busy.redundancy} onAssess={actions.assess} />
        ) : (
          <RedundancySummary rows={assessmentRows} />
        )}
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
          canEdit={editing}
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
          canEdit={editing}
          busy={actions.busy.timeline}
          errors={actions.errors.timeline ?? {}}
          onAdd={actions.addTimelineEvent}
        />
      </section>
    </div>
  );
}
