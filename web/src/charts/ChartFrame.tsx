import { useId, useState, type ReactNode } from 'react';
import { formatCount } from './formatters';
import { isSmallSample } from './smallSample';

export interface ChartFrameProps {
  title: string;
  /** The metric's definition, shown as a note and on hover of the info marker. */
  definition: string;
  /** Incidents (or rows) the chart is computed from; null while unknown. */
  sampleSize?: number | null;
  /**
   * The API's small-sample flag for this sample (e.g. DurationStat.smallSample), when the data has one.
   * Without it, the sample size is judged by the shared rule that mirrors the API's (isSmallSample).
   */
  smallSample?: boolean | null;
  sampleUnit?: string;
  loading?: boolean;
  error?: string | null;
  empty?: boolean;
  emptyMessage?: string;
  actions?: ReactNode;
  /** An accessible table of the same data, behind a disclosure (rendered once it is opened). */
  dataTable?: ReactNode;
  onRetry?: () => void;
  children: ReactNode;
}

export function ChartFrame({
  title,
  definition,
  sampleSize,
  smallSample,
  sampleUnit = 'incidents',
  loading,
  error,
  empty,
  emptyMessage = 'No incidents match these filters.',
  actions,
  dataTable,
  onRetry,
  children,
}: ChartFrameProps) {
  const headingId = useId();
  // A closed table shows nothing, and its rows (links on every cell) cost as much to render as a chart.
  const [tableOpen, setTableOpen] = useState(false);
  // an empty chart (n = 0) has nothing to flag
  const small = sampleSize != null && sampleSize > 0 && (smallSample ?? isSmallSample(sampleSize));
  let body: ReactNode;
  if (loading) {
    body = (
      <div className="chart-state chart-loading" role="status" aria-live="polite">
        Loading…
      </div>
    );
  } else if (error) {
    body = (
      <div className="chart-state chart-error" role="alert">
        <p>Could not load this chart: {error}</p>
        {onRetry && (
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        )}
      </div>
    );
  } else if (empty) {
    body = <div className="chart-state chart-empty">{emptyMessage}</div>;
  } else {
    body = children;
  }
  return (
    <section className="chart-card" aria-labelledby={headingId}>
      <header className="chart-header">
        <h3 id={headingId}>
          {title}{' '}
          <span className="info info-i" title={definition} aria-label={`Definition: ${definition}`} tabIndex={0}>
            i
          </span>
        </h3>
        {actions && <div className="chart-actions">{actions}</div>}
      </header>
      <div className="chart-body">{body}</div>
      <footer className="chart-footer">
        <span className="sample-size">
          {sampleSize == null ? '' : `n = ${formatCount(sampleSize)} ${sampleUnit}`}
          {small && <strong className="small-sample"> · small sample</strong>}
        </span>
        <span className="definition">{definition}</span>
        {dataTable && !loading && !error && !empty && (
          <details className="chart-data" onToggle={(e) => setTableOpen(e.currentTarget.open)}>
            <summary>Data table</summary>
            {tableOpen && dataTable}
          </details>
        )}
      </footer>
    </section>
  );
}
