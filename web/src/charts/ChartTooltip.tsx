import type { ReactNode } from 'react';

export interface TooltipRow {
  label: string;
  value: string;
  color?: string;
}

export function ChartTooltip({ title, rows, footer }: { title: string; rows: TooltipRow[]; footer?: ReactNode }) {
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-title">{title}</div>
      {rows.map((r) => (
        <div key={r.label} className="chart-tooltip-row">
          {r.color && <span className="swatch" style={{ background: r.color }} aria-hidden="true" />}
          <span>{r.label}</span>
          <strong>{r.value}</strong>
        </div>
      ))}
      {footer && <div className="chart-tooltip-footer">{footer}</div>}
    </div>
  );
}
