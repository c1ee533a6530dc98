import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { capPoints } from './capPoints';
import { ChartTooltip } from './ChartTooltip';
import { formatCount, formatShare } from './formatters';
import { axisTick, countAxis, palette, xAxisTitle } from './theme';

export interface RepeatTrendPoint {
  periodStart: string;
  label: string;
  /** Repeat incidents that started in the bucket. */
  count: number;
  /** Counted incidents that started in the bucket. */
  incidentCount: number;
  /** count / incidentCount, 0–1. */
  share: number;
}

export interface RepeatTrendChartProps {
  data: RepeatTrendPoint[];
  /** Title of the time axis ("Week starting", "Month"…). */
  periodLabel: string;
  height?: number;
}

/** A small bar chart of repeat incidents per period; the tooltip gives the share of the period's incidents. */
export function RepeatTrendChart({ data, periodLabel, height = 170 }: RepeatTrendChartProps) {
  const points = capPoints(data);
  return (
    <BarChart responsive style={{ width: '100%', height }} data={points} margin={{ top: 6, right: 8, bottom: 20, left: 0 }}>
      <CartesianGrid stroke={palette.grid} vertical={false} />
      <XAxis dataKey="label" tick={axisTick} minTickGap={16} label={xAxisTitle(periodLabel)} />
      <YAxis {...countAxis(Math.max(0, ...points.map((p) => p.count)), 'Repeats', { maxTicks: 3, width: 44 })} />
      <Tooltip
        content={({ active, payload }) => {
          const p = active && (payload?.[0]?.payload as RepeatTrendPoint | undefined);
          if (!p) return null;
          return (
            <ChartTooltip
              title={p.label}
              rows={[
                { label: 'Repeat incidents', value: formatCount(p.count), color: palette.vermillion },
                { label: 'Incidents', value: formatCount(p.incidentCount) },
                { label: 'Share', value: formatShare(p.share) },
              ]}
            />
          );
        }}
      />
      <Bar dataKey="count" fill={palette.vermillion} isAnimationActive={false} />
    </BarChart>
  );
}
