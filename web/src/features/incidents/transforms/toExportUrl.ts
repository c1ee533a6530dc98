import type { IncidentFilter } from '../../../gql/graphql';

/** Filters of the incident list that GET /api/export/incidents.csv does not take (docs/import-formats.md): none today. */
const unsupported: readonly string[] = [];

export interface ExportUrl {
  /** The export URL with the list's filters as query parameters. */
  url: string;
  /** Filters in effect that the export cannot apply (the file would hold more than the list). */
  dropped: string[];
}

/** The incident list's filter → the CSV export's URL (lists comma-separated, as the endpoint reads them). */
export function toExportUrl(filter: IncidentFilter): ExportUrl {
  const q = new URLSearchParams();
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(filter) as [keyof IncidentFilter, unknown][]) {
    if (value == null || (Array.isArray(value) && value.length === 0) || value === '') continue;
    if (unsupported.includes(key)) {
      dropped.push(key);
      continue;
    }
    q.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const s = q.toString();
  return { url: s ? `/api/export/incidents.csv?${s}` : '/api/export/incidents.csv', dropped };
}
