import { useState } from 'react';
import type { RedundancyOutcome } from '../../../gql/graphql';

export interface AssessmentRowData {
  mechanism: { id: string; name: string; description?: string | null };
  outcome: RedundancyOutcome | null;
  notes: string;
  declared: boolean;
}

export interface RedundancyAssessmentsProps {
  rows: AssessmentRowData[];
  canEdit: boolean;
  busy: boolean;
  onAssess: (mechanismId: string, outcome: RedundancyOutcome | null, notes: string) => Promise<boolean>;
}

const outcomes: { value: RedundancyOutcome; label: string; hint: string }[] = [
  { value: 'MISSING', label: 'Missing', hint: 'the service did not have it' },
  { value: 'FAILED', label: 'Failed', hint: 'it existed but did not engage or failed too' },
  { value: 'PARTIAL', label: 'Partial', hint: 'it limited impact but did not prevent it' },
  { value: 'WORKED', label: 'Worked', hint: 'it contained the failure' },
];

function AssessmentRow({
  row,
  canEdit,
  busy,
  onAssess,
}: {
  row: AssessmentRowData;
  canEdit: boolean;
  busy: boolean;
  onAssess: RedundancyAssessmentsProps['onAssess'];
}) {
  const [outcome, setOutcome] = useState<RedundancyOutcome | ''>(row.outcome ?? '');
  const [notes, setNotes] = useState(row.notes);
  const changed = outcome !== (row.outcome ?? '') || notes !== row.notes;
  const gap = outcome === 'MISSING' || outcome === 'FAILED';
  return (
    <tr className={gap ? 'gap-row' : undefined}>
      <th scope="row">
        {row.mechanism.name}
        {row.declared && <span className="badge">declared</span>}
        {row.mechanism.description && (
          <span className="info info-i" title={row.mechanism.description} aria-label={row.mechanism.description} tabIndex={0}>
            i
          </span>
        )}
      </th>
      <td>
        <select
          aria-label={`Outcome for ${row.mechanism.name}`}
          value={outcome}
          disabled={!canEdit || busy}
          onChange={(e) => setOutcome(e.target.value as RedundancyOutcome | '')}
        >
          <option value="">Not assessed</option>
          {outcomes.map((o) => (
            <option key={o.value} value={o.value} title={o.hint}>
              {o.label}
            </option>
          ))}
        </select>
        {gap && <span className="badge gap">gap</span>}
      </td>
      <td>
        <input
          type="text"
          aria-label={`Notes for ${row.mechanism.name}`}
          value={notes}
          disabled={!canEdit || busy || !outcome}
          onChange={(e) => setNotes(e.target.value)}
        />
      </td>
      <td>
        {canEdit && (
          <button type="button" disabled={!changed || busy} onClick={() => onAssess(row.mechanism.id, outcome || null, notes)}>
            Save
          </button>
        )}
      </td>
    </tr>
  );
}

/** One row per mechanism of the catalogue; MISSING and FAILED are redundancy gaps. */
export function RedundancyAssessments({ rows, canEdit, busy, onAssess }: RedundancyAssessmentsProps) {
  if (rows.length === 0) return <p className="muted">The redundancy catalogue is empty. An admin can add mechanisms in Settings.</p>;
  return (
    <>
      <p className="hint">
        Missing: the service did not have it · Failed: it existed but did not engage or failed too · Partial: it limited impact but did not
        prevent it · Worked: it contained the failure. Missing and Failed are redundancy gaps.
      </p>
      <div className="table-scroll">
        <table className="data-table assessments">
          <thead>
            <tr>
              <th scope="col">Mechanism</th>
              <th scope="col">Outcome</th>
              <th scope="col">Notes</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <AssessmentRow
                key={`${r.mechanism.id}:${r.outcome ?? ''}:${r.notes}`}
                row={r}
                canEdit={canEdit}
                busy={busy}
                onAssess={onAssess}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
