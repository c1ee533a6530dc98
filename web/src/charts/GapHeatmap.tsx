import { formatDuration } from './formatters';
import { heatColor, heatLegend } from './theme';

export interface GapCell {
  serviceId: string;
  mechanismId: string;
  gapCount: number;
  downtimeMinutes: number;
  covered: boolean;
}

export interface GapMatrix {
  services: { id: string; name: string; total: number }[];
  mechanisms: { id: string; name: string; total: number }[];
  /** rows[i][j] is service i × mechanism j; null = no gap recorded. */
  rows: (GapCell | null)[][];
  maxCount: number;
  uncoveredCount: number;
}

export interface GapHeatmapProps {
  matrix: GapMatrix;
  onSelectCell?: (cell: GapCell) => void;
}

/** Services × redundancy mechanisms; darker = more gaps; a ring and "!" mark gaps no open action item covers. */
export function GapHeatmap({ matrix, onSelectCell }: GapHeatmapProps) {
  return (
    <div className="heatmap-scroll">
      <table className="heatmap">
        <thead>
          <tr>
            <th scope="col">Service</th>
            {matrix.mechanisms.map((m) => (
              <th key={m.id} scope="col" className="heatmap-col">
                <span>{m.name}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.services.map((s, i) => (
            <tr key={s.id}>
              <th scope="row">{s.name}</th>
              {matrix.rows[i].map((cell, j) => {
                const mech = matrix.mechanisms[j];
                if (!cell || cell.gapCount === 0)
                  return <td key={mech.id} className="heatmap-cell empty" aria-label={`${s.name}, ${mech.name}: no gaps`} />;
                const label = `${s.name}, ${mech.name}: ${cell.gapCount} gap${cell.gapCount === 1 ? '' : 's'}, downtime ${formatDuration(cell.downtimeMinutes)}, ${cell.covered ? 'covered by an open action item' : 'not covered by any open action item'}`;
                return (
                  <td
                    key={mech.id}
                    className={`heatmap-cell${cell.covered ? '' : ' uncovered'}`}
                    // Black on every step of the scale stays ≥ 4.5:1 (white on the darker oranges does not).
                    style={{ background: heatColor(cell.gapCount, matrix.maxCount), color: '#000' }}
                  >
                    {onSelectCell ? (
                      <button type="button" title={label} aria-label={label} onClick={() => onSelectCell(cell)}>
                        {cell.gapCount}
                        {!cell.covered && <span aria-hidden="true">!</span>}
                      </button>
                    ) : (
                      <span title={label}>
                        {cell.gapCount}
                        {!cell.covered && <span aria-hidden="true">!</span>}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="heatmap-legend">
        <span>Incidents with the mechanism missing or failed:</span>
        <ul className="heat-scale" aria-label="Colour scale">
          {heatLegend(matrix.maxCount).map((b) => (
            <li key={b.color}>
              <span className="heat-swatch" style={{ background: b.color }} aria-hidden="true" />
              {b.from === b.to ? b.from : `${b.from}–${b.to}`}
            </li>
          ))}
        </ul>
        <span>
          <span className="legend-uncovered">!</span> heavy outline = no open action item covers the gap
        </span>
      </div>
    </div>
  );
}
