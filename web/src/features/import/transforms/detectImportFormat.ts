export type ImportFormatValue = 'CSV' | 'JSON' | 'STATUSPAGE';

/**
 * Guesses the format from the file name and its first bytes: a JSON object with an `incidents` array
 * is an Atlassian Statuspage export, any other JSON is our JSON format, the rest CSV.
 */
export function detectImportFormat(fileName: string, head: string): ImportFormatValue {
  const text = head.trimStart();
  const name = fileName.toLowerCase();
  if (text.startsWith('{') && /"incidents"\s*:\s*\[/.test(text)) return 'STATUSPAGE';
  if (text.startsWith('[') || text.startsWith('{') || name.endsWith('.json')) return 'JSON';
  return 'CSV';
}

export interface ImportResultShape {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** All row errors; `errors` lists the first 1,000 of them. */
  errorCount?: number;
  errors: { row: number; field?: string | null; message: string }[];
}

/** How many row errors the file has in all (`errors` holds only the first 1,000). */
export const errorTotal = (r: ImportResultShape): number => r.errorCount ?? r.errors.length;

export function isImportResult(x: unknown): x is ImportResultShape {
  const r = x as ImportResultShape;
  return !!r && typeof r === 'object' && typeof r.created === 'number' && Array.isArray(r.errors);
}

export function importUrl(
  format: ImportFormatValue,
  dryRun: boolean,
  onInvalid: 'REJECT_ALL' | 'SKIP_ROW',
  createMissing: boolean,
): string {
  const q = new URLSearchParams({ format, dryRun: String(dryRun), onInvalid, createMissing: String(createMissing) });
  return `/api/import?${q.toString()}`;
}
