import { Link } from 'react-router';
import { formatDuration } from '../../../charts/formatters';
import type { GapCell, GapMatrix } from '../../../charts/GapHeatmap';

/** The gap matrix as rows (service × mechanism), worst first, each linking to the incidents behind it. */
export function GapTable({ matrix, cellHref }: { matrix: GapMatrix; cellHref: (cell: GapCell) => string }) {
  const cells = matrix.rows.flat().filter((c): c is GapCell => !!c && c.gapCount > 0);
  cells.sort((a, b) => b.gapCount - a.gapCount || b.downtimeMinutes - a.downtimeMinutes);
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">Service</th>
          <th scope="col">Mechanism</th>
          <th scope="col">Missing</th>
          <th scope="col">Failed</th>
          <th scope="col">Gaps</th>
          <th scope="col">Downtime</th>
          <th scope="col">Open action item</th>
        </tr>
      </thead>
      <tbody>
        {cells.map((c) => (
          <tr key={`${c.serviceId}|${c.mechanismId}`}>
            <td>
              <Link to={cellHref(c)}>{c.serviceName}</Link>
            </td>
            <td>{c.mechanismName}</td>
            <td>{c.missingCount}</td>
            <td>{c.failedCount}</td>
            <td>{c.gapCount}</td>
            <td>{formatDuration(c.downtimeMinutes)}</td>
            <td>{c.covered ? 'Yes' : <strong>No</strong>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
