import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartLegend } from './ChartLegend';
import { ChartTooltip } from './ChartTooltip';
import { clickableBar } from './clickableBar';
import { formatCount, formatDuration } from './formatters';
import { axisTick, chartHeight, palette, xAxisTitle } from './theme';

export interface DetectionPoint {
  source: string | null;
  label: string;
  incidentCount: number;
  /** 0..100 */
  percent: number;
  medianTimeToDetect: number | null;
  p90TimeToDetect: number | null;
  detectCount: number;
  /** Detected by people outside the company before monitoring: highlighted. */
  external: boolean;
}

export function DetectionSourceChart({
  data,
  onSelectSource,
}: {
  data: DetectionPoint[];
  onSelectSource?: (point: DetectionPoint) => void;
}) {
  return (
    <>
      <ChartLegend
        items={[
          { label: 'Inside the company', color: palette.skyBlue, shape: 'box' },
          { label: 'Outside: customers, social media, third parties', color: palette.vermillion, shape: 'box' },
        ]}
      />
      <BarChart
        responsive
        layout="vertical"
        style={{ width: '100%', height: chartHeight }}
        data={data}
        margin={{ top: 8, right: 24, bottom: 20, left: 8 }}
      >
        <CartesianGrid stroke={palette.grid} horizontal={false} />
        <XAxis
          type="number"
          tick={axisTick}
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tickFormatter={(v: number) => `${v} %`}
          label={xAxisTitle('Share of incidents')}
        />
        <YAxis type="category" dataKey="label" tick={axisTick} width={120} />
        <Tooltip
          content={({ active, payload }) => {
            const p = active && (payload?.[0]?.payload as DetectionPoint | undefined);
            if (!p) return null;
            return (
              <ChartTooltip
                title={p.label}
                rows={[
                  { label: 'Incidents', value: `${formatCount(p.incidentCount)} (${p.percent.toFixed(0)} %)` },
                  { label: 'Median time to detect', value: formatDuration(p.medianTimeToDetect) },
                  { label: 'p90 time to detect', value: formatDuration(p.p90TimeToDetect) },
                  { label: 'With detection time', value: formatCount(p.detectCount) },
                ]}
              />
            );
          }}
        />
        <Bar
          dataKey="percent"
          name="Share of incidents"
          isAnimationActive={false}
          fill={palette.skyBlue}
          shape={clickableBar<DetectionPoint>(
            (p) => (p.external ? palette.vermillion : palette.skyBlue),
            onSelectSource,
            (p) => !!p.source,
          )}
        />
      </BarChart>
    </>
  );
}
