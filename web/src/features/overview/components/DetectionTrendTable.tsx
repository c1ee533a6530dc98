import { Link } from 'react-router';
import type { DetectionTrend, DetectionTrendRow, DetectionTrendSource } from '../../../charts/DetectionTrendChart';
import { formatShare } from '../../../charts/formatters';

/** Incidents per period and detection source, with the shares found by monitoring and from outside the company. */
export function DetectionTrendTable({
  data,
  cellHref,
}: {
  data: DetectionTrend;
  /** Link to the incidents of one period and source; none for "not recorded" (the list cannot filter on it). */
  cellHref: (row: DetectionTrendRow, source: DetectionTrendSource) => string | null;
}) {
  return (
    <table className="data-table detection-trend-table">
      <thead>
        <tr>
          <th scope="col">Period</th>
          {data.sources.map((s) => (
            <th key={s.key} scope="col">
              {s.label}
            </th>
          ))}
          <th scope="col">Total</th>
          <th scope="col">By monitoring</th>
          <th scope="col">From outside</th>
        </tr>
      </thead>
      <tbody>
        {data.rows.map((r) => (
          <tr key={r.periodStart}>
            <td>{r.label}</td>
            {data.sources.map((s) => {
              const n = r.counts[s.key];
              const href = n > 0 ? cellHref(r, s) : null;
              return <td key={s.key}>{href ? <Link to={href}>{n}</Link> : n}</td>;
            })}
            <td>{r.total}</td>
            <td>{formatShare(r.monitoringShare)}</td>
            <td>{formatShare(r.externalShare)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
