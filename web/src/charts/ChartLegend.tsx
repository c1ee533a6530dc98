export interface LegendItem {
  label: string;
  color: string;
  /** How the swatch is drawn: a line (solid or dashed), a filled box, or a hollow dot. */
  shape?: 'line' | 'dashed' | 'box' | 'hollow';
}

/** A legend in dark text with a coloured swatch (coloured text would fail the 4.5:1 contrast). */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="chart-legend">
      {items.map((i) => (
        <li key={i.label}>
          <svg width="22" height="12" aria-hidden="true" focusable="false">
            {i.shape === 'box' ? (
              <rect x="5" y="0" width="12" height="12" rx="2" fill={i.color} />
            ) : i.shape === 'hollow' ? (
              <circle cx="11" cy="6" r="4" fill="#fff" stroke={i.color} strokeWidth="2" />
            ) : (
              <line
                x1="0"
                y1="6"
                x2="22"
                y2="6"
                stroke={i.color}
                strokeWidth="3"
                strokeDasharray={i.shape === 'dashed' ? '6 3' : undefined}
              />
            )}
          </svg>
          {i.label}
        </li>
      ))}
    </ul>
  );
}
