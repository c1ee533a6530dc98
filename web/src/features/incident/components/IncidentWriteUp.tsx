import type { IncidentDetailFieldsFragment } from '../../../gql/graphql';
import { detectionSourceLabels } from '../transforms/incidentForm';

type WriteUpFields = Pick<
  IncidentDetailFieldsFragment,
  'summary' | 'customerImpact' | 'affectedUsersPercent' | 'regions' | 'detectionSource'
>;

/** The incident's own words (summary, impact) and the facts recorded about it, as text. The review's state is in the Review section. */
export function IncidentWriteUp({ incident }: { incident: WriteUpFields }) {
  const facts: [string, string][] = [
    ['Customer impact', incident.customerImpact || ''],
    ['Affected users', incident.affectedUsersPercent != null ? `${incident.affectedUsersPercent} %` : ''],
    ['Regions', incident.regions.join(', ')],
    ['Detected by', incident.detectionSource ? detectionSourceLabels[incident.detectionSource] : ''],
  ];
  return (
    <div className="incident-write-up">
      {incident.summary?.trim() ? (
        <p className="write-up-text">{incident.summary}</p>
      ) : (
        <p className="muted">No summary has been written yet.</p>
      )}
      <dl className="fact-list">
        {facts.map(([label, value]) => (
          <div key={label} className={label === 'Customer impact' ? 'wide' : undefined}>
            <dt>{label}</dt>
            <dd>{value || <span className="muted">not recorded</span>}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
