import { useState } from 'react';
import { apiFetch, saveResponseAsFile } from '../../../app/graphql/apiFetch';
import type { IncidentFilter } from '../../../gql/graphql';
import { toExportUrl } from '../transforms/toExportUrl';

export interface ExportButtonProps {
  filter: IncidentFilter;
}

/** Downloads the filtered list as the import CSV (GET /api/export/incidents.csv), so it re-imports unchanged. */
export function ExportButton({ filter }: ExportButtonProps) {
  const { url, dropped } = toExportUrl(filter);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);

  const onExport = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const res = await apiFetch(url);
      if (res.status === 403) setStatus({ kind: 'error', text: 'You do not have permission to export incidents.' });
      else if (!res.ok) setStatus({ kind: 'error', text: `The export failed (HTTP ${res.status}).` });
      else await saveResponseAsFile(res, 'incidents.csv');
    } catch {
      setStatus({ kind: 'error', text: 'The server could not be reached.' });
    } finally {
      setBusy(false);
    }
  };

  const blocked = dropped.length > 0;
  return (
    <span className="export-incidents">
      <button
        type="button"
        onClick={onExport}
        disabled={busy || blocked}
        title={
          blocked
            ? `The CSV export cannot apply ${dropped.join(', ')}: clear that filter to export.`
            : 'The incidents in this list, in the CSV import format (re-imports unchanged)'
        }
      >
        {busy ? 'Exporting…' : 'Export CSV'}
      </button>
      {blocked && <span className="muted small"> The export cannot apply {dropped.join(', ')}.</span>}
      {status && (
        <span className={`muted small${status.kind === 'error' ? ' bad' : ''}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {' '}
          {status.text}
        </span>
      )}
    </span>
  );
}
