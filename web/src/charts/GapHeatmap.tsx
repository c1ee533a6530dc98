import { formatDuration } from './formatters';
import { heatColor, heatLegend } from './theme';

export interface GapCell {
  serviceId: string;
  serviceName: string;
  mechanismId: string;
  mechanismName: string;
  gapCount: number;
  /** Of gapCount: the service did not have the mechanism (MISSING). */
  missingCount: number;
  /** Of gapCount: the mechanism existed and did not work (FAILED). */
  failedCount: number;
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
  /** Gaps over all cells that were MISSING, and that were FAILED (they add up to the gaps). */
  missingCount: number;
  failedCount: number;
}

export interface GapHeatmapProps {
  matrix: GapMatrix;
  onSelectCell?: (cell: GapCell) => void;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 missing, 1 failed" in words, for labels. */
function gapWords(cell: GapCell): string {
  return `${plural(cell.gapCount, 'gap')} (${cell.missingCount} missing, ${cell.failedCount} failed)`;
}

function CellContent({ cell }: { cell: GapCell }) {
  return (
    <>
      <span className="gap-parts">
        {cell.missingCount > 0 && <span>{cell.missingCount} missing</span>}
        {cell.failedCount > 0 && <span>{cell.failedCount} failed</span>}
      </span>
      {!cell.covered && (
        <span className="gap-uncovered-mark" aria-hidden="true">
          !
        </span>
      )}
      {/* The split at a glance: solid = missing, hatched = failed, in proportion. */}
      <span className="gap-split" aria-hidden="true">
        {cell.missingCount > 0 && <span className="gap-split-missing" style={{ flexGrow: cell.missingCount }} />}
        {cell.failedCount > 0 && <span className="gap-split-failed" style={{ flexGrow: cell.failedCount }} />}
      </span>
    </>
  );
}

/**
 * Services × redundancy mechanisms; darker = more gaps. Each cell says how many gaps were MISSING (the service did
 * not have the mechanism) and how many FAILED (it had it and it did not work), with a solid/hatched bar of the
 * split; a ring and "!" mark gaps no open action item covers.
 */
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
                const label = `${s.name}, ${mech.name}: ${gapWords(cell)}, downtime ${formatDuration(cell.downtimeMinutes)}, ${cell.covered ? 'covered by an open action item' : 'not covered by any open action item'}`;
                return (
                  <td
                    key={mech.id}
                    className={`heatmap-cell${cell.covered ? '' : ' uncovered'}`}
                    // Black on every step of the scale stays ≥ 4.5:1 (white on the darker oranges does not).
                    style={{ background: heatColor(cell.gapCount, matrix.maxCount), color: '#000' }}
                  >
                    {onSelectCell ? (
                      <button type="button" title={label} aria-label={label} onClick={() => onSelectCell(cell)}>
                        <CellContent cell={cell} />
                      </button>
                    ) : (
                      <span className="gap-cell-body" title={label}>
                        <CellContent cell={cell} />
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
        <span>Shade: incidents with the mechanism missing or failed</span>
        <ul className="heat-scale" aria-label="Colour scale">
          {heatLegend(matrix.maxCount).map((b) => (
            <li key={b.color}>
              <span className="heat-swatch" style={{ background: b.color }} aria-hidden="true" />
              {b.from === b.to ? b.from : `${b.from}–${b.to}`}
            </li>
          ))}
        </ul>
      </div>
      <ul className="heatmap-legend gap-kinds" aria-label="Kinds of gap">
        <li>
          <span className="gap-swatch gap-split-missing" aria-hidden="true" />
          <span>
            <strong>MISSING</strong>: the service did not have the mechanism
          </span>
        </li>
        <li>
          <span className="gap-swatch gap-split-failed" aria-hidden="true" />
          <span>
            <strong>FAILED</strong>: it existed and did not work
          </span>
        </li>
        <li>
          <span className="legend-uncovered">!</span>
          <span>heavy outline = no open action item covers the gap</span>
        </li>
      </ul>
    </div>
  );
}
