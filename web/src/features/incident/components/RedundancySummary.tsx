import type { RedundancyOutcome } from '../../../gql/graphql';
import type { AssessmentRowData } from './RedundancyAssessments';

const outcomeLabels: Record<RedundancyOutcome, string> = {
  MISSING: 'Missing',
  FAILED: 'Failed',
  PARTIAL: 'Partial',
  WORKED: 'Worked',
};

const outcomeMeanings: Record<RedundancyOutcome, string> = {
  MISSING: 'the service did not have it',
  FAILED: 'it existed but did not engage or failed too',
  PARTIAL: 'it limited impact but did not prevent it',
  WORKED: 'it contained the failure',
};

/** The redundancy assessments as text: each assessed mechanism with its outcome and notes, then what was not assessed. */
export function RedundancySummary({ rows }: { rows: readonly AssessmentRowData[] }) {
  const assessed = rows.filter((r) => r.outcome);
  const open = rows.filter((r) => !r.outcome);
  return (
    <div className="redundancy-summary">
      {assessed.length === 0 ? (
        <p className="muted">No mechanism has been assessed yet.</p>
      ) : (
        <ul className="assessment-list">
          {assessed.map((r) => {
            const outcome = r.outcome as RedundancyOutcome;
            const gap = outcome === 'MISSING' || outcome === 'FAILED';
            return (
              <li key={r.mechanism.id} className={`assessment outcome-${outcome.toLowerCase()}`}>
                <span className="assessment-head">
                  <strong>{r.mechanism.name}</strong>
                  <span className={`badge outcome-badge outcome-${outcome.toLowerCase()}`} title={outcomeMeanings[outcome]}>
                    {outcomeLabels[outcome]}
                  </span>
                  {gap && <span className="badge gap">redundancy gap</span>}
                  {r.declared && <span className="badge">declared</span>}
                </span>
                <span className="muted small">{outcomeMeanings[outcome]}</span>
                {r.notes && <span className="assessment-notes">{r.notes}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {open.length > 0 && (
        <p className="muted small">Not assessed: {open.map((r) => `${r.mechanism.name}${r.declared ? ' (declared)' : ''}`).join(', ')}.</p>
      )}
    </div>
  );
}
