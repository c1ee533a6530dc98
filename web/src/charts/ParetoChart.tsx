import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { capPoints } from './capPoints';
import { ChartLegend } from './ChartLegend';
import { ChartTooltip } from './ChartTooltip';
import { countTicks, durationAxis, formatCount, formatDuration } from './formatters';
import { axisTick, palette, xAxisTitle } from './theme';

export interface ParetoPoint {
  id: string;
  name: string;
  value: number;
  incidentCount: number;
  downtimeMinutes: number;
  /** 0..100 */
  cumulativePercent: number;
}

export interface ParetoChartProps {
  data: ParetoPoint[];
  metric: 'count' | 'downtime';
  onSelectCause?: (point: ParetoPoint) => void;
}

const LABEL_WIDTH = 150;
const ROW = 30;

/** Splits a cause name into at most two lines of about `width` characters; the full name is in a title. */
export function wrapLabel(name: string, width = 22): string[] {
  if (name.length <= width) return [name];
  const words = name.split(/\s+/);
  let first = '';
  let i = 0;
  while (i < words.length && (first ? `${first} ${words[i]}` : words[i]).length <= width)
    first = first ? `${first} ${words[i++]}` : words[i++];
  if (!first) return [`${name.slice(0, width - 1)}…`];
  const rest = words.slice(i).join(' ');
  return [first, rest.length > width ? `${rest.slice(0, width - 1)}…` : rest];
}

interface TickProps {
  x?: number;
  y?: number;
  payload?: { value: string };
}

function CauseTick({ x = 0, y = 0, payload }: TickProps) {
  const name = payload?.value ?? '';
  const lines = wrapLabel(name);
  return (
    <text x={x - 6} y={y} textAnchor="end" fontSize={12} fill="#374151">
      <title>{name}</title>
      {lines.map((l, i) => (
        <tspan key={i} x={x - 6} dy={i === 0 ? (lines.length > 1 ? -3 : 4) : 13}>
          {l}
        </tspan>
      ))}
    </text>
  );
}

/** Causes as horizontal bars, largest on top, so every name is readable; the line is the cumulative share. */
export function ParetoChart({ data, metric, onSelectCause }: ParetoChartProps) {
  const points = capPoints(data);
  const max = Math.max(0, ...points.map((p) => p.value));
  const dAxis = durationAxis(max, 4);
  const ticks = metric === 'count' ? countTicks(max, 4) : dAxis.ticks;
  const format = metric === 'count' ? formatCount : dAxis.format;
  return (
    <>
      <ChartLegend
        items={[
          { label: metric === 'count' ? 'Incidents' : 'Downtime', color: palette.blue, shape: 'box' },
          { label: 'Cumulative share', color: palette.vermillion, shape: 'line' },
        ]}
      />
      <ComposedChart
        responsive
        layout="vertical"
        style={{ width: '100%', height: Math.max(160, points.length * ROW + 70) }}
        data={points}
        margin={{ top: 4, right: 12, bottom: 18, left: 4 }}
      >
        <CartesianGrid stroke={palette.grid} horizontal={false} />
        <YAxis type="category" dataKey="name" width={LABEL_WIDTH} interval={0} tick={<CauseTick />} />
        <XAxis
          xAxisId="v"
          type="number"
          orientation="bottom"
          ticks={ticks}
          domain={[0, ticks[ticks.length - 1]]}
          tick={axisTick}
          tickFormatter={(v: number) => format(v)}
          label={xAxisTitle(metric === 'count' ? 'Incidents' : 'Downtime', -12)}
        />
        <XAxis
          xAxisId="c"
          type="number"
          orientation="top"
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tick={axisTick}
          tickFormatter={(v: number) => `${v} %`}
          height={24}
        />
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
                footer={onSelectCause && p.id ? 'Click to list these incidents' : undefined}
              />
            );
          }}
        />
        <Bar
          xAxisId="v"
          dataKey="value"
          name={metric === 'count' ? 'Incidents' : 'Downtime'}
          fill={palette.blue}
          barSize={18}
          isAnimationActive={false}
          cursor={onSelectCause ? 'pointer' : undefined}
          onClick={(item) => {
            const p = (item as { payload?: ParetoPoint }).payload;
            // The folded "Other" bar (empty id) is not one cause: nothing to open.
            if (p && p.id && onSelectCause) onSelectCause(p);
          }}
        />
        <Line
          xAxisId="c"
          dataKey="cumulativePercent"
          name="Cumulative share"
          stroke={palette.vermillion}
          strokeWidth={2}
          dot
          isAnimationActive={false}
        />
      </ComposedChart>
    </>
  );
}
