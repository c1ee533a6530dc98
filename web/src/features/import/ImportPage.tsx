import { useId, useState, type FormEvent } from 'react';
import { uploadWithProgress } from '../../app/graphql/apiFetch';
import { ImportResultView } from './components/ImportResultView';
import {
  detectImportFormat,
  importUrl,
  isImportResult,
  type ImportFormatValue,
  type ImportResultShape,
} from './transforms/detectImportFormat';

type Policy = 'REJECT_ALL' | 'SKIP_ROW';

interface Outcome {
  dryRun: boolean;
  result: ImportResultShape;
  /** The options the dry run used: confirming imports exactly what was previewed. */
  key: string;
}

const contentTypes: Record<ImportFormatValue, string> = { CSV: 'text/csv', JSON: 'application/json', STATUSPAGE: 'application/json' };

function readError(res: { status: number; text: string }): string {
  if (res.status === 404) return 'Importing isn’t available on this server yet.';
  if (res.status === 403) return 'You do not have permission to import incidents.';
  if (res.status === 413) return 'The file is too large for the server.';
  try {
    const body = JSON.parse(res.text) as { error?: { message?: string }; message?: string | string[] };
    const msg = body.error?.message ?? (Array.isArray(body.message) ? body.message.join(' ') : body.message);
    if (msg) return msg;
  } catch {
    /* not JSON */
  }
  return `The import failed (HTTP ${res.status}).`;
}

export function ImportPage() {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormatValue>('CSV');
  const [onInvalid, setOnInvalid] = useState<Policy>('REJECT_ALL');
  const [createMissing, setCreateMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const optionsKey = `${file?.name}|${file?.size}|${file?.lastModified}|${format}|${onInvalid}|${createMissing}`;

  const onFile = async (f: File | null) => {
    setFile(f);
    setOutcome(null);
    setError(null);
    if (f) setFormat(detectImportFormat(f.name, await f.slice(0, 65536).text()));
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setProgress(0);
      const res = await uploadWithProgress(importUrl(format, dryRun, onInvalid, createMissing), file, contentTypes[format], setProgress);
      if (res.status < 200 || res.status >= 300) {
        setError(readError(res));
        return;
      }
      const body: unknown = JSON.parse(res.text);
      if (!isImportResult(body)) {
        setError('The server answered with something that is not an import result.');
        return;
      }
      setOutcome({ dryRun, result: body, key: optionsKey });
    } catch {
      setError('The server could not be reached.');
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const previewed = outcome?.dryRun && outcome.key === optionsKey;
  const blocked = previewed && onInvalid === 'REJECT_ALL' && outcome.result.errors.length > 0;

  return (
    <div className="page">
      <div className="page-header">
        <h1>Import incidents</h1>
        <p className="muted">
          CSV, JSON or an Atlassian Statuspage export (incidents.json). Imports are idempotent: importing the same file twice changes
          nothing.
        </p>
      </div>
      <form
        className="card import-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void run(true);
        }}
      >
        <div className="form-field">
          <label htmlFor={`${id}-file`}>File</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={(e) => onFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-format`}>Format</label>
          <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as ImportFormatValue)}>
            <option value="CSV">CSV</option>
            <option value="JSON">JSON</option>
            <option value="STATUSPAGE">Statuspage</option>
          </select>
        </div>
        <fieldset>
          <legend>Invalid rows</legend>
          <label className="checkbox">
            <input type="radio" name="onInvalid" checked={onInvalid === 'REJECT_ALL'} onChange={() => setOnInvalid('REJECT_ALL')} />
            Reject the whole file if any row is invalid
          </label>
          <label className="checkbox">
            <input type="radio" name="onInvalid" checked={onInvalid === 'SKIP_ROW'} onChange={() => setOnInvalid('SKIP_ROW')} />
            Skip invalid rows, import the rest
          </label>
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={createMissing} onChange={(e) => setCreateMissing(e.target.checked)} />
          Create missing services, teams, causes and mechanisms
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!file || busy}>
            {busy && !previewed ? 'Checking…' : 'Dry run (preview)'}
          </button>
          <button type="button" disabled={!previewed || busy || blocked} onClick={() => run(false)}>
            {busy && previewed ? 'Importing…' : 'Confirm import'}
          </button>
        </div>
        {blocked && (
          <p className="field-error">Fix the rows below or choose “Skip invalid rows”: with “Reject”, nothing would be stored.</p>
        )}
      </form>
      {progress !== null && (
        <div className="card" aria-live="polite">
          <label htmlFor={`${id}-progress`}>
            {progress < 1 ? `Reading and checking the file: ${Math.round(progress * 100)} %` : 'Finishing the import…'}
          </label>
          <progress id={`${id}-progress`} max={1} value={progress} style={{ width: '100%' }} />
        </div>
      )}
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
      {outcome && (
        <section className="card" aria-live="polite">
          <h2>{outcome.dryRun ? 'Preview (nothing stored yet)' : 'Imported'}</h2>
          <ImportResultView result={outcome.result} dryRun={outcome.dryRun} />
        </section>
      )}
    </div>
  );
}
