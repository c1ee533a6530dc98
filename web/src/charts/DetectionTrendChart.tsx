import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { capPoints } from './capPoints';
import { ChartLegend } from './ChartLegend';
import { ChartTooltip } from './ChartTooltip';
import { formatCount, formatShare } from './formatters';
import { axisTick, chartHeight, palette, xAxisTitle, yAxisTitle } from './theme';
import { isSmallSample } from './smallSample';

export interface DetectionTrendSource {
  /** The API's source, or NOT_RECORDED for a null source. */
  key: string;
  source: string | null;
  label: string;
  /** Outside the company (customers, social media, third parties): incidents monitoring missed. */
  external: boolean;
}

export interface DetectionTrendRow {
  periodStart: string;
  label: string;
  /** Counted incidents of the bucket. */
  total: number;
  /** Incidents per source key (0 for a source absent from this bucket). */
  counts: Record<string, number>;
  /** Share (0..1) per source key; null when the bucket has no incidents. */
  shares: Record<string, number | null>;
  monitoringShare: number | null;
  externalShare: number | null;
}

export interface DetectionTrend {
  /** Sources with incidents in the period, in stacking order (monitoring first). */
  sources: DetectionTrendSource[];
  rows: DetectionTrendRow[];
  total: number;
}

// Inside the company in blues and green, outside in warm colours (vermillion as in the detection chart), unknown in grey.
const sourceColors: Record<string, string> = {
  MONITORING: palette.blue,
  INTERNAL_REPORT: palette.skyBlue,
  OTHER: palette.green,
  THIRD_PARTY: palette.orange,
  SOCIAL_MEDIA: palette.purple,
  CUSTOMER_REPORT: palette.vermillion,
};

export function detectionColor(key: string): string {
  return sourceColors[key] ?? palette.grey;
}

/** A share of fewer than 5 incidents swings with one incident. */
const isSmall = (r: DetectionTrendRow) => r.total > 0 && isSmallSample(r.total);

export interface DetectionTrendChartProps {
  data: DetectionTrend;
  /** Title of the time axis ("Week starting", "Month"…). */
  periodLabel: string;
  onSelect?: (row: DetectionTrendRow, source: DetectionTrendSource) => void;
}

type ChartRow = DetectionTrendRow & Record<`pct_${string}`, number>;

/** Share of each period's incidents by detection source, as 100 % stacked bars (monitoring at the bottom). */
export function DetectionTrendChart({ data, periodLabel, onSelect }: DetectionTrendChartProps) {
  const points: ChartRow[] = capPoints(data.rows).map((r) => {
    const row = { ...r } as ChartRow;
    for (const s of data.sources) row[`pct_${s.key}`] = (r.shares[s.key] ?? 0) * 100;
    return row;
  });
  return (
    <>
      <ChartLegend items={data.sources.map((s) => ({ label: s.label, color: detectionColor(s.key), shape: 'box' as const }))} />
      <BarChart
        responsive
        style={{ width: '100%', height: chartHeight }}
        data={points}
        margin={{ top: 18, right: 16, bottom: 20, left: 8 }}
      >
        <CartesianGrid stroke={palette.grid} vertical={false} />
        <XAxis dataKey="label" tick={axisTick} minTickGap={16} label={xAxisTitle(periodLabel)} />
        <YAxis
          tick={axisTick}
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tickFormatter={(v: number) => `${v} %`}
          width={52}
          label={yAxisTitle('Share of incidents')}
        />
        <Tooltip
          content={({ active, payload }) => {
            const p = active && (payload?.[0]?.payload as ChartRow | undefined);
            if (!p) return null;
            return (
              <ChartTooltip
                title={`${p.label} · n = ${formatCount(p.total)}${isSmall(p) ? ' (small sample)' : ''}`}
                rows={[...data.sources].reverse().map((s) => ({
                  label: s.label,
                  value: `${formatCount(p.counts[s.key])} (${formatShare(p.shares[s.key])})`,
                  color: detectionColor(s.key),
                }))}
                footer={onSelect ? 'Click a segment to list those incidents' : undefined}
              />
            );
          }}
        />
        {data.sources.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={`pct_${s.key}`}
            name={s.label}
            stackId="detection"
            fill={detectionColor(s.key)}
            isAnimationActive={false}
            shape={(props: unknown) => {
              const { x, y, width, height, payload } = props as { x: number; y: number; width: number; height: number; payload: ChartRow };
              const click = onSelect && s.source ? () => onSelect(payload, s) : undefined;
              return (
                <rect
                  x={x}
                  y={y}
                  width={Math.max(0, width)}
                  height={Math.max(0, height)}
                  fill={detectionColor(s.key)}
                  className={click ? 'clickable' : undefined}
                  onClick={click}
                />
              );
            }}
          >
            {/* Each bar's incident count on top of it: a share of 2 incidents reads differently from one of 40. */}
            {i === data.sources.length - 1 && (
              <LabelList dataKey="total" position="top" fontSize={11} fill="#374151" formatter={(v) => (Number(v) > 0 ? `${v}` : '')} />
            )}
          </Bar>
        ))}
      </BarChart>
    </>
  );
}
