import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { capPoints } from './capPoints';
import { ChartLegend } from './ChartLegend';
import { ChartTooltip } from './ChartTooltip';
import { formatCount } from './formatters';
import { axisTick, chartHeight, countAxis, palette, severityColors, xAxisTitle } from './theme';

export const severityKeys = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type SeverityKey = (typeof severityKeys)[number];

export interface SeverityMixRow {
  periodStart: string;
  label: string;
  SEV1: number;
  SEV2: number;
  SEV3: number;
  SEV4: number;
  total: number;
}

export interface SeverityMixChartProps {
  data: SeverityMixRow[];
  /** Title of the time axis ("Week starting", "Month"…). */
  periodLabel: string;
  onSelect?: (row: SeverityMixRow, severity: SeverityKey) => void;
}

export function SeverityMixChart({ data, periodLabel, onSelect }: SeverityMixChartProps) {
  const points = capPoints(data);
  return (
    <>
      <ChartLegend items={severityKeys.map((s) => ({ label: s, color: severityColors[s], shape: 'box' as const }))} />
      <BarChart responsive style={{ width: '100%', height: chartHeight }} data={points} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
        <CartesianGrid stroke={palette.grid} vertical={false} />
        <XAxis dataKey="label" tick={axisTick} minTickGap={16} label={xAxisTitle(periodLabel)} />
        <YAxis {...countAxis(Math.max(0, ...points.map((p) => p.total)), 'Incidents')} />
        <Tooltip
          content={({ active, payload }) => {
            const p = active && (payload?.[0]?.payload as SeverityMixRow | undefined);
            if (!p) return null;
            return (
              <ChartTooltip
                title={p.label}
                rows={[
                  ...severityKeys.map((s) => ({ label: s, value: formatCount(p[s]), color: severityColors[s] })),
                  { label: 'Total', value: formatCount(p.total) },
                ]}
                footer={onSelect ? 'Click a segment to list those incidents' : undefined}
              />
            );
          }}
        />
        {severityKeys.map((s) => (
          <Bar
            key={s}
            dataKey={s}
            stackId="sev"
            fill={severityColors[s]}
            isAnimationActive={false}
            cursor={onSelect ? 'pointer' : undefined}
            onClick={(item) => {
              const row = (item as { payload?: SeverityMixRow }).payload;
              if (row && onSelect) onSelect(row, s);
            }}
          />
        ))}
      </BarChart>
    </>
  );
}
