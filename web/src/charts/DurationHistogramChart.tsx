import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { capPoints } from './capPoints';
import { ChartTooltip } from './ChartTooltip';
import { clickableBar } from './clickableBar';
import { formatCount } from './formatters';
import { axisTick, chartHeight, countAxis, palette, xAxisTitle } from './theme';

export interface HistogramPoint {
  label: string;
  fromMinutes: number;
  toMinutes: number | null;
  count: number;
}

export function DurationHistogramChart({
  data,
  onSelectBucket,
}: {
  data: HistogramPoint[];
  onSelectBucket?: (point: HistogramPoint) => void;
}) {
  const points = capPoints(data);
  return (
    <BarChart
      responsive
      style={{ width: '100%', height: chartHeight + 20 }}
      data={points}
      margin={{ top: 8, right: 16, bottom: 20, left: 8 }}
    >
      <CartesianGrid stroke={palette.grid} vertical={false} />
      <XAxis dataKey="label" tick={axisTick} interval={0} angle={-30} textAnchor="end" height={64} label={xAxisTitle('Time to resolve')} />
      <YAxis {...countAxis(Math.max(0, ...points.map((p) => p.count)), 'Incidents')} />
      <Tooltip
        content={({ active, payload }) => {
          const p = active && (payload?.[0]?.payload as HistogramPoint | undefined);
          if (!p) return null;
          return (
            <ChartTooltip
              title={`Time to resolve ${p.label}`}
              rows={[{ label: 'Incidents', value: formatCount(p.count), color: palette.green }]}
            />
          );
        }}
      />
      <Bar
        dataKey="count"
        name="Incidents"
        fill={palette.green}
        isAnimationActive={false}
        shape={clickableBar<HistogramPoint>(
          () => palette.green,
          onSelectBucket,
          (p) => p.count > 0,
        )}
      />
    </BarChart>
  );
}
