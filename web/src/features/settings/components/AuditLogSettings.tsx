import { useState } from 'react';
import { useQuery } from 'urql';
import { apiFetch, saveResponseAsFile } from '../../../app/graphql/apiFetch';
import { errorMessage } from '../../../app/graphql/graphqlErrors';
import { Timestamp } from '../../../app/ui/Timestamp';
import { AuditLogQuery } from '../graphql/settingsDocuments';

const PAGE = 50;

/** The append-only audit log, newest first, a page at a time; the whole log downloads as CSV. */
export function AuditLogSettings() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const [{ data, fetching, error }] = useQuery({ query: AuditLogQuery, variables: { first: PAGE, after }, requestPolicy: 'network-only' });
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const log = data?.auditLog;

  const download = async () => {
    setDownloadError(null);
    const res = await apiFetch('/api/audit/entries.csv');
    if (res.ok) await saveResponseAsFile(res, 'hindsight-audit.csv');
    else setDownloadError(`The download failed (HTTP ${res.status}).`);
  };

  return (
    <div>
      <p className="muted">
        Every change, written in the same transaction as the change itself: who (a user&apos;s email or an API token&apos;s name), what and
        when, with the fields before and after. {log ? `${log.totalCount} ${log.totalCount === 1 ? 'entry' : 'entries'}.` : ''}{' '}
        <button type="button" onClick={download}>
          Download all as CSV
        </button>
      </p>
      {downloadError && <p className="field-error">{downloadError}</p>}
      {error && <p className="field-error">{errorMessage(error)}</p>}
      {fetching && !log && <p className="muted">Loading the audit log…</p>}
      {log && (
        <table className="data-table">
          <thead>
            <tr>
              <th>When</th>
              <th>Actor</th>
              <th>Action</th>
              <th>Entity</th>
              <th>Changes</th>
            </tr>
          </thead>
          <tbody>
            {log.edges.map(({ node }) => (
              <tr key={node.id}>
                <td>
                  <Timestamp value={node.at} />
                </td>
                <td>{node.actor}</td>
                <td>{node.action}</td>
                <td>
                  {node.entityType} {node.entityId}
                </td>
                <td>
                  <code className="audit-changes">{JSON.stringify(node.changes)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pagination" aria-label="Audit log pages">
        <button type="button" disabled={cursors.length === 1 || fetching} onClick={() => setCursors(cursors.slice(0, -1))}>
          ← Newer
        </button>
        <button
          type="button"
          disabled={!log?.pageInfo.hasNextPage || fetching}
          onClick={() => log?.pageInfo.endCursor && setCursors([...cursors, log.pageInfo.endCursor])}
        >
          Older →
        </button>
      </nav>
    </div>
  );
}
