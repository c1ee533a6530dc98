import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { capPoints } from './capPoints';
import { ChartTooltip } from './ChartTooltip';
import { formatCount, formatDuration, formatDurationShort } from './formatters';
import { axisTick, chartHeight, palette } from './theme';

export interface ParetoPoint {
  id: string;
  name: string;
  value: number;
  incidentCount: number;
  downtimeMinutes: number;
  /** 0..100 */
  cumulativePercent: number;
}

const shortLabel = (name: string) => (name.length > 18 ? `${name.slice(0, 17)}…` : name);

export interface ParetoChartProps {
  data: ParetoPoint[];
  metric: 'count' | 'downtime';
  onSelectCause?: (point: ParetoPoint) => void;
}

export function ParetoChart({ data, metric, onSelectCause }: ParetoChartProps) {
  const points = capPoints(data);
  const format = metric === 'count' ? formatCount : formatDurationShort;
  return (
    <ComposedChart
      responsive
      style={{ width: '100%', height: chartHeight + 40 }}
      data={points}
      margin={{ top: 8, right: 8, bottom: 4, left: 40 }}
    >
      <CartesianGrid stroke={palette.grid} vertical={false} />
      <XAxis dataKey="name" tick={axisTick} interval={0} angle={-35} textAnchor="end" height={96} tickFormatter={shortLabel} />
      <YAxis yAxisId="v" tick={axisTick} tickFormatter={(v: number) => format(v)} width={48} />
      <YAxis yAxisId="c" orientation="right" domain={[0, 100]} tick={axisTick} tickFormatter={(v: number) => `${v}%`} width={40} />
      <Tooltip
        content={({ active, payload }) => {
          const p = active && (payload?.[0]?.payload as ParetoPoint | undefined);
          if (!p) return null;
          return (
            <ChartTooltip
              title={p.name}
              rows={[
                { label: 'Incidents', value: formatCount(p.incidentCount), color: metric === 'count' ? palette.blue : undefined },
                { label: 'Downtime', value: formatDuration(p.downtimeMinutes), color: metric === 'downtime' ? palette.blue : undefined },
                { label: 'Cumulative share', value: `${p.cumulativePercent.toFixed(0)} %`, color: palette.vermillion },
              ]}
              footer={onSelectCause ? 'Click to list these incidents' : undefined}
            />
          );
        }}
      />
      <Bar
        yAxisId="v"
        dataKey="value"
        name={metric === 'count' ? 'Incidents' : 'Downtime'}
        fill={palette.blue}
        isAnimationActive={false}
        cursor={onSelectCause ? 'pointer' : undefined}
        onClick={(item) => {
          const p = (item as { payload?: ParetoPoint }).payload;
          // The folded "Other" bar (empty id) is not one cause: nothing to open.
          if (p && p.id && onSelectCause) onSelectCause(p);
        }}
      />
      <Line
        yAxisId="c"
        dataKey="cumulativePercent"
        name="Cumulative %"
        stroke={palette.vermillion}
        strokeWidth={2}
        dot
        isAnimationActive={false}
      />
    </ComposedChart>
  );
}
