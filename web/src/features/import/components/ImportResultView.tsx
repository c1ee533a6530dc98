import { formatCount } from '../../../charts/formatters';
import { errorTotal, type ImportResultShape } from '../transforms/detectImportFormat';

export function ImportResultView({ result, dryRun }: { result: ImportResultShape; dryRun: boolean }) {
  const verb = dryRun ? 'would be' : 'were';
  return (
    <div className="import-result">
      <dl className="kpi-grid small-kpis">
        <div className="kpi-card">
          <dt>Created</dt>
          <dd className="kpi-value">{formatCount(result.created)}</dd>
        </div>
        <div className="kpi-card">
          <dt>Updated</dt>
          <dd className="kpi-value">{formatCount(result.updated)}</dd>
        </div>
        <div className="kpi-card">
          <dt>Unchanged</dt>
          <dd className="kpi-value">{formatCount(result.unchanged)}</dd>
        </div>
        <div className="kpi-card">
          <dt>Skipped</dt>
          <dd className="kpi-value">{formatCount(result.skipped)}</dd>
        </div>
        <div className="kpi-card">
          <dt>Row errors</dt>
          <dd className={`kpi-value${errorTotal(result) ? ' bad' : ''}`}>{formatCount(errorTotal(result))}</dd>
        </div>
      </dl>
      <p className="muted">
        {formatCount(result.created)} incidents {verb} created, {formatCount(result.updated)} {verb} updated.
      </p>
      {result.errors.length > 0 && (
        <table className="data-table">
          <caption>Rows with errors</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Field</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {result.errors.slice(0, 500).map((e, i) => (
              <tr key={`${e.row}-${e.field ?? ''}-${i}`}>
                <td>{e.row}</td>
                <td>{e.field ?? '—'}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {errorTotal(result) > 500 && <p className="muted">Showing the first 500 of {formatCount(errorTotal(result))} errors.</p>}
    </div>
  );
}
