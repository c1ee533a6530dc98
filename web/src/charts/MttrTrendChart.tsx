import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { capPoints } from './capPoints';
import { ChartLegend } from './ChartLegend';
import { ChartTooltip } from './ChartTooltip';
import { durationAxis, formatCount, formatDuration } from './formatters';
import { axisTick, chartHeight, palette, xAxisTitle, yAxisTitle } from './theme';

export interface MttrPoint {
  periodStart: string;
  label: string;
  meanMinutes: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
  count: number;
  /** Fewer than 5 resolved incidents: drawn hollow and said so in the tooltip. */
  smallSample: boolean;
}

export interface MttrTrendChartProps {
  data: MttrPoint[];
  /** Title of the time axis ("Week starting", "Month"…). */
  periodLabel: string;
  onSelectPeriod?: (point: MttrPoint) => void;
}

interface DotProps {
  cx?: number | null;
  cy?: number | null;
  index?: number;
  payload?: MttrPoint;
}

/** Filled dot, or hollow for a small sample; nothing where the value is missing (a gap). */
function dot(color: string) {
  return function TrendDot({ cx, cy, index, payload }: DotProps) {
    if (cx == null || cy == null || !Number.isFinite(cx) || !Number.isFinite(cy)) return <g key={`d${index}`} />;
    const small = !!payload?.smallSample;
    return (
      <circle
        key={`d${index}`}
        cx={cx}
        cy={cy}
        r={small ? 4 : 3.5}
        fill={small ? '#fff' : color}
        stroke={color}
        strokeWidth={2}
        className={small ? 'small-sample-dot' : undefined}
      />
    );
  };
}

export function MttrTrendChart({ data, periodLabel, onSelectPeriod }: MttrTrendChartProps) {
  const points = capPoints(data);
  const max = Math.max(0, ...points.flatMap((p) => [p.meanMinutes ?? 0, p.medianMinutes ?? 0]));
  const axis = durationAxis(max);
  const showDots = points.length < 60;
  const hasSmall = points.some((p) => p.smallSample);
  return (
    <>
      <ChartLegend
        items={[
          { label: 'Median', color: palette.blue, shape: 'line' },
          { label: 'Mean (MTTR)', color: palette.orange, shape: 'dashed' },
          ...(hasSmall ? [{ label: 'Fewer than 5 incidents', color: palette.grey, shape: 'hollow' as const }] : []),
        ]}
      />
      <LineChart
        responsive
        style={{ width: '100%', height: chartHeight }}
        data={points}
        margin={{ top: 8, right: 16, bottom: 20, left: 8 }}
        onClick={(state) => {
          const i = Number(state?.activeTooltipIndex);
          if (onSelectPeriod && Number.isInteger(i) && points[i]) onSelectPeriod(points[i]);
        }}
        className={onSelectPeriod ? 'clickable' : undefined}
      >
        <CartesianGrid stroke={palette.grid} vertical={false} />
        <XAxis dataKey="label" tick={axisTick} minTickGap={16} label={xAxisTitle(periodLabel)} />
        <YAxis
          tick={axisTick}
          ticks={axis.ticks}
          domain={[0, axis.max]}
          tickFormatter={axis.format}
          width={64}
          label={yAxisTitle('Time to resolve', 4)}
        />
        <Tooltip
          content={({ active, payload }) => {
            const p = active && (payload?.[0]?.payload as MttrPoint | undefined);
            if (!p) return null;
            return (
              <ChartTooltip
                title={p.label}
                rows={[
                  { label: 'Median', value: formatDuration(p.medianMinutes), color: palette.blue },
                  { label: 'Mean (MTTR)', value: formatDuration(p.meanMinutes), color: palette.orange },
                  { label: 'p90', value: formatDuration(p.p90Minutes) },
                  { label: 'Resolved incidents', value: formatCount(p.count) },
                ]}
                footer={
                  <>
                    {p.smallSample && (
                      <div>
                        <strong className="small-sample">Small sample</strong>: fewer than 5 incidents, says little.
                      </div>
                    )}
                    {p.count === 0 && <div>No resolved incidents: left as a gap.</div>}
                    {onSelectPeriod && <div>Click to list these incidents</div>}
                  </>
                }
              />
            );
          }}
        />
        <Line
          type="linear"
          dataKey="medianMinutes"
          name="Median"
          stroke={palette.blue}
          strokeWidth={2}
          dot={showDots ? dot(palette.blue) : false}
          connectNulls={false}
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="meanMinutes"
          name="Mean (MTTR)"
          stroke={palette.orange}
          strokeWidth={2}
          strokeDasharray="6 3"
          dot={showDots ? dot(palette.orange) : false}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </>
  );
}
