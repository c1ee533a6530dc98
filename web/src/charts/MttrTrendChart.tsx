import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { capPoints } from './capPoints';
import { ChartTooltip } from './ChartTooltip';
import { formatCount, formatDuration, formatDurationShort } from './formatters';
import { axisTick, chartHeight, palette } from './theme';

export interface MttrPoint {
  periodStart: string;
  label: string;
  meanMinutes: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
  count: number;
}

export interface MttrTrendChartProps {
  data: MttrPoint[];
  onSelectPeriod?: (point: MttrPoint) => void;
}

export function MttrTrendChart({ data, onSelectPeriod }: MttrTrendChartProps) {
  const points = capPoints(data);
  return (
    <LineChart
      responsive
      style={{ width: '100%', height: chartHeight }}
      data={points}
      margin={{ top: 8, right: 16, bottom: 4, left: 4 }}
      onClick={(state) => {
        const i = Number(state?.activeTooltipIndex);
        if (onSelectPeriod && Number.isInteger(i) && points[i]) onSelectPeriod(points[i]);
      }}
      className={onSelectPeriod ? 'clickable' : undefined}
    >
      <CartesianGrid stroke={palette.grid} vertical={false} />
      <XAxis dataKey="label" tick={axisTick} minTickGap={16} />
      <YAxis tick={axisTick} tickFormatter={formatDurationShort} width={48} />
      <Tooltip
        content={({ active, payload }) => {
          const p = active && (payload?.[0]?.payload as MttrPoint | undefined);
          if (!p) return null;
          return (
            <ChartTooltip
              title={p.label}
              rows={[
                { label: 'Mean', value: formatDuration(p.meanMinutes), color: palette.blue },
                { label: 'Median', value: formatDuration(p.medianMinutes), color: palette.orange },
                { label: 'p90', value: formatDuration(p.p90Minutes), color: palette.grey },
                { label: 'Resolved incidents', value: formatCount(p.count) },
              ]}
              footer={onSelectPeriod ? 'Click to list these incidents' : undefined}
            />
          );
        }}
      />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Line
        type="monotone"
        dataKey="meanMinutes"
        name="Mean (MTTR)"
        stroke={palette.blue}
        strokeWidth={2}
        dot={points.length < 40}
        connectNulls
        isAnimationActive={false}
      />
      <Line
        type="monotone"
        dataKey="medianMinutes"
        name="Median"
        stroke={palette.orange}
        strokeWidth={2}
        strokeDasharray="6 3"
        dot={points.length < 40}
        connectNulls
        isAnimationActive={false}
      />
    </LineChart>
  );
}
