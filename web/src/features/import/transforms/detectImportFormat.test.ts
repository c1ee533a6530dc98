import { detectImportFormat, errorTotal, importUrl, isImportResult } from './detectImportFormat';

describe('detectImportFormat', () => {
  it('recognises a Statuspage export', () => {
    expect(detectImportFormat('incidents.json', '{"page":{"id":"x"},"incidents":[{"id":"1"}]}')).toBe('STATUSPAGE');
  });
  it('recognises our JSON and CSV', () => {
    expect(detectImportFormat('export.json', '[{"title":"x"}]')).toBe('JSON');
    expect(detectImportFormat('export.csv', 'title,service,severity,started_at\n')).toBe('CSV');
  });
  it('builds the import URL', () => {
    expect(importUrl('CSV', true, 'SKIP_ROW', false)).toBe('/api/import?format=CSV&dryRun=true&onInvalid=SKIP_ROW&createMissing=false');
  });
  it('checks the result shape', () => {
    expect(isImportResult({ created: 1, updated: 0, unchanged: 0, skipped: 0, errors: [] })).toBe(true);
    expect(isImportResult({ message: 'nope' })).toBe(false);
    // the answer lists the first 1,000 errors; errorCount counts them all
    expect(errorTotal({ created: 0, updated: 0, unchanged: 0, skipped: 2500, errorCount: 2500, errors: [] })).toBe(2500);
    expect(errorTotal({ created: 0, updated: 0, unchanged: 0, skipped: 1, errors: [{ row: 1, message: 'x' }] })).toBe(1);
  });
});
