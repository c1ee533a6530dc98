import { memo, useCallback, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { ChartFrame } from '../../charts/ChartFrame';
import { DetectionSourceChart as DetectionSourceChartAlways, type DetectionPoint } from '../../charts/DetectionSourceChart';
import {
  DetectionTrendChart as DetectionTrendChartAlways,
  type DetectionTrendRow,
  type DetectionTrendSource,
} from '../../charts/DetectionTrendChart';
import { DurationHistogramChart as DurationHistogramChartAlways, type HistogramPoint } from '../../charts/DurationHistogramChart';
import { formatCount, formatDuration, type Granularity } from '../../charts/formatters';
import { GapHeatmap as GapHeatmapAlways, type GapCell } from '../../charts/GapHeatmap';
import { MttrTrendChart as MttrTrendChartAlways, type MttrPoint } from '../../charts/MttrTrendChart';
import { ParetoChart as ParetoChartAlways, type ParetoPoint } from '../../charts/ParetoChart';
import {
  SeverityMixChart as SeverityMixChartAlways,
  severityKeys,
  type SeverityKey,
  type SeverityMixRow,
} from '../../charts/SeverityMixChart';
import { explainMetric } from '../definitions/transforms/explainMetric';
import { FilterBar } from '../filters/components/FilterBar';
import { bucketRange, incidentsHref } from '../filters/transforms/filterParams';
import { ClosingTheLoop as ClosingTheLoopAlways } from './components/ClosingTheLoop';
import { DetectionTrendTable } from './components/DetectionTrendTable';
import { FixNext as FixNextAlways } from './components/FixNext';
import { GapTable } from './components/GapTable';
import { HeadlineCards as HeadlineCardsAlways } from './components/HeadlineCards';
import { SegmentedControl } from './components/SegmentedControl';
import { WhatChanged as WhatChangedAlways } from './components/WhatChanged';
import { useCauseSeries } from './hooks/useCauseSeries';
import { useFixNext } from './hooks/useFixNext';
import { useDistributionSeries } from './hooks/useDistributionSeries';
import { useGapMatrix } from './hooks/useGapMatrix';
import { useHeadlineNumbers } from './hooks/useHeadlineNumbers';
import { useOverviewFilter } from './hooks/useOverviewFilter';
import { useTrendSeries } from './hooks/useTrendSeries';
import { formatPeriod } from './transforms/formatPeriod';
import { overviewGranularity } from './transforms/overviewVariables';
import './overview.css';

const granularities = [
  { value: 'WEEK', label: 'Week' },
  { value: 'MONTH', label: 'Month' },
  { value: 'QUARTER', label: 'Quarter' },
] as const;

const periodAxisTitle: Record<Granularity, string> = { WEEK: 'Week starting', MONTH: 'Month', QUARTER: 'Quarter' };

// Each query's answer re-renders the page; these redraw only when their own props change (the hooks keep derived data
// and retry callbacks stable, the page its click handlers), so an answer redraws the charts fed from it, not all ten.
const MttrTrendChart = memo(MttrTrendChartAlways);
const ParetoChart = memo(ParetoChartAlways);
const SeverityMixChart = memo(SeverityMixChartAlways);
const DurationHistogramChart = memo(DurationHistogramChartAlways);
const DetectionSourceChart = memo(DetectionSourceChartAlways);
const DetectionTrendChart = memo(DetectionTrendChartAlways);
const GapHeatmap = memo(GapHeatmapAlways);
const ClosingTheLoop = memo(ClosingTheLoopAlways);
const HeadlineCards = memo(HeadlineCardsAlways);
const WhatChanged = memo(WhatChangedAlways);
const FixNext = memo(FixNextAlways);

/** Every chart counts only incidents the metrics count; its drill-down list says so too, so its total matches the bar. */
const COUNTED = { counted: '1' };

export function OverviewPage() {
  const f = useOverviewFilter();
  const navigate = useNavigate();
  const granularity = overviewGranularity(f.params, f.state.period);
  const metric = f.params.get('by') === 'downtime' ? 'downtime' : 'count';
  const level = f.params.get('level') === 'category' ? 'category' : 'cause';

  const headline = useHeadlineNumbers(f.current, { withLoop: true });
  const defs = headline.definitions;
  const gaps = useGapMatrix(f.current);
  const fixNext = useFixNext(f.current, f.params, gaps);
  const trend = useTrendSeries(f.current, granularity);
  const causes = useCauseSeries(f.current, metric, level);
  const dist = useDistributionSeries(f.current);

  // The charts' click handlers change only with the address, so a chart whose data did not change is not redrawn
  // when another of the page's queries answers (the charts are memoised below).
  const { params } = f;
  const openBucket = useCallback(
    (periodStart: string, extra: Parameters<typeof incidentsHref>[1] = {}) => {
      const r = bucketRange(periodStart, granularity);
      navigate(incidentsHref(params, { period: 'custom', from: r.from, to: r.to, ...extra }, COUNTED));
    },
    [params, granularity, navigate],
  );
  const gapHref = useCallback(
    (c: GapCell) => incidentsHref(params, { serviceIds: [c.serviceId] }, { ...COUNTED, gap: c.mechanismId }),
    [params],
  );
  const detectionHref = useCallback(
    (row: DetectionTrendRow, s: DetectionTrendSource) => {
      if (!s.source) return null;
      const r = bucketRange(row.periodStart, granularity);
      return incidentsHref(params, { period: 'custom', from: r.from, to: r.to }, { ...COUNTED, detected: s.source });
    },
    [params, granularity],
  );
  const on = useMemo(
    () => ({
      selectPeriod: (p: MttrPoint) => openBucket(p.periodStart),
      selectCause: (p: ParetoPoint) => navigate(incidentsHref(params, { causeIds: [p.id] }, COUNTED)),
      selectSeverity: (row: SeverityMixRow, severity: SeverityKey) => openBucket(row.periodStart, { severities: [severity] }),
      selectBucket: (b: HistogramPoint) =>
        navigate(incidentsHref(params, {}, { ...COUNTED, ttr: `${b.fromMinutes}-${b.toMinutes ?? ''}` })),
      selectSource: (p: DetectionPoint) => navigate(incidentsHref(params, {}, { ...COUNTED, detected: p.source! })),
      selectDetection: (row: DetectionTrendRow, s: DetectionTrendSource) => {
        const href = detectionHref(row, s);
        if (href) navigate(href);
      },
      selectGap: (c: GapCell) => navigate(gapHref(c)),
    }),
    [params, navigate, openBucket, detectionHref, gapHref],
  );

  return (
    <div className="page overview">
      <div className="page-header">
        <h1>Reliability overview</h1>
        <p className="muted">
          {headline.periodEnd && (
            <>
              <span title={explainMetric(defs, 'period')}>
                {formatPeriod(headline.periodStart, headline.periodEnd, { openStart: 'Since the first incident' })}
              </span>
              {headline.hasPrevious && <span title={explainMetric(defs, 'previous')}> · compared with the period just before</span>}
            </>
          )}
        </p>
      </div>
      <FilterBar state={f.state} onChange={f.update} />
      <div className="story-grid">
        <WhatChanged
          changes={headline.changes}
          hasPrevious={headline.hasPrevious}
          loading={headline.fetching}
          error={headline.error}
          onRetry={headline.onRetry}
        />
        <FixNext
          items={fixNext.items}
          fixes={fixNext.fixes}
          fixCount={fixNext.fixCount}
          moreFixes={fixNext.more}
          fixesDefinition={explainMetric(defs, 'fixesThatDidNotHold')}
          loading={fixNext.fetching}
          error={fixNext.error}
          onRetry={fixNext.onRetry}
        />
      </div>
      <HeadlineCards numbers={headline.numbers} loading={headline.fetching} error={headline.error} onRetry={headline.onRetry} />
      <ClosingTheLoop
        loop={headline.loop}
        loading={headline.fetching}
        error={headline.error}
        onRetry={headline.onRetry}
        repeatSeries={trend.repeats}
        periodLabel={periodAxisTitle[granularity]}
        definitions={defs}
        filter={f.current}
      />

      <div className="chart-grid">
        <ChartFrame
          title="Time to resolve trend"
          definition={explainMetric(
            defs,
            ['timeToResolve', 'smallSample'],
            'Median and mean (MTTR) per period the incidents started in. Hollow points are small samples; periods without resolved incidents are left as gaps. Click a point to list its incidents',
          )}
          sampleSize={trend.resolvedCount}
          smallSample={trend.resolvedSmallSample}
          sampleUnit="resolved incidents"
          loading={trend.fetching}
          error={trend.error}
          empty={!trend.mttr.some((p) => p.count > 0)}
          onRetry={trend.onRetry}
          actions={
            <SegmentedControl label="Granularity" value={granularity} options={granularities} onChange={(v) => f.setParam('g', v)} />
          }
          dataTable={
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col">Mean</th>
                  <th scope="col">Median</th>
                  <th scope="col">p90</th>
                  <th scope="col">n</th>
                </tr>
              </thead>
              <tbody>
                {trend.mttr.map((p) => (
                  <tr key={p.periodStart}>
                    <td>{p.label}</td>
                    <td>{formatDuration(p.meanMinutes)}</td>
                    <td>{formatDuration(p.medianMinutes)}</td>
                    <td>{formatDuration(p.p90Minutes)}</td>
                    <td>{p.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <MttrTrendChart data={trend.mttr} periodLabel={periodAxisTitle[granularity]} onSelectPeriod={on.selectPeriod} />
        </ChartFrame>

        <ChartFrame
          title="Causes (Pareto)"
          definition={explainMetric(
            defs,
            'byRootCause',
            `Shown per ${level === 'cause' ? 'primary cause' : 'cause category'}, ${metric === 'count' ? 'by count' : 'by downtime'}; the line is the running share. Click a bar to list its incidents`,
          )}
          sampleSize={causes.taggedCount}
          sampleUnit={`tagged of ${formatCount(causes.incidentCount)} incidents`}
          loading={causes.fetching}
          error={causes.error}
          empty={causes.pareto.length === 0}
          emptyMessage="No tagged incidents match these filters."
          onRetry={causes.onRetry}
          actions={
            <>
              <SegmentedControl
                label="Group by"
                value={level}
                options={[
                  { value: 'cause', label: 'Cause' },
                  { value: 'category', label: 'Category' },
                ]}
                onChange={(v) => f.setParam('level', v === 'cause' ? null : v)}
              />
              <SegmentedControl
                label="Measure"
                value={metric}
                options={[
                  { value: 'count', label: 'Count' },
                  { value: 'downtime', label: 'Downtime' },
                ]}
                onChange={(v) => f.setParam('by', v === 'count' ? null : v)}
              />
            </>
          }
          dataTable={
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Cause</th>
                  <th scope="col">Incidents</th>
                  <th scope="col">Downtime</th>
                  <th scope="col">Cumulative</th>
                </tr>
              </thead>
              <tbody>
                {causes.pareto.map((p) => (
                  <tr key={p.id || 'other'}>
                    <td>{p.id ? <Link to={incidentsHref(f.params, { causeIds: [p.id] }, COUNTED)}>{p.name}</Link> : p.name}</td>
                    <td>{p.incidentCount}</td>
                    <td>{formatDuration(p.downtimeMinutes)}</td>
                    <td>{p.cumulativePercent.toFixed(0)} %</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <ParetoChart data={causes.pareto} metric={metric} onSelectCause={on.selectCause} />
        </ChartFrame>

        <ChartFrame
          title="Severity mix"
          definition={explainMetric(defs, 'incidentCount', 'Shown per period by severity. Click a bar to list its incidents')}
          sampleSize={trend.incidentCount}
          loading={trend.fetching}
          error={trend.error}
          empty={!trend.severityMix.some((r) => r.total > 0)}
          onRetry={trend.onRetry}
          dataTable={
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  {severityKeys.map((s) => (
                    <th key={s} scope="col">
                      {s}
                    </th>
                  ))}
                  <th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                {trend.severityMix.map((r) => {
                  const range = bucketRange(r.periodStart, granularity);
                  return (
                    <tr key={r.periodStart}>
                      <td>{r.label}</td>
                      {severityKeys.map((s) => (
                        <td key={s}>
                          {r[s] ? (
                            <Link to={incidentsHref(f.params, { period: 'custom', from: range.from, to: range.to, severities: [s] })}>
                              {r[s]}
                            </Link>
                          ) : (
                            0
                          )}
                        </td>
                      ))}
                      <td>{r.total}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          }
        >
          <SeverityMixChart data={trend.severityMix} periodLabel={periodAxisTitle[granularity]} onSelect={on.selectSeverity} />
        </ChartFrame>

        <ChartFrame
          title="Time to resolve distribution"
          definition={explainMetric(
            defs,
            'timeToResolve',
            'Here: how many resolved incidents took how long, in widening buckets. Click a bar to list its incidents',
          )}
          sampleSize={dist.resolvedCount}
          smallSample={dist.resolvedSmallSample}
          sampleUnit="resolved incidents"
          loading={dist.fetching}
          error={dist.error}
          empty={!dist.histogram.some((b) => b.count > 0)}
          onRetry={dist.onRetry}
        >
          <DurationHistogramChart data={dist.histogram} onSelectBucket={on.selectBucket} />
        </ChartFrame>

        <ChartFrame
          title="Detection sources"
          definition={explainMetric(
            defs,
            'detection',
            'Red bars are sources outside the company (customers, social media, third parties): incidents monitoring missed. Hover for time to detect',
          )}
          sampleSize={dist.incidentCount}
          loading={dist.fetching}
          error={dist.error}
          empty={dist.detection.length === 0}
          onRetry={dist.onRetry}
        >
          <DetectionSourceChart data={dist.detection} onSelectSource={on.selectSource} />
        </ChartFrame>

        <ChartFrame
          title="Detection sources over time"
          definition={explainMetric(
            defs,
            'detection',
            'Shown per period by the source that noticed first, monitoring at the bottom; warm colours are sources outside the company. The number above a bar is its incident count',
          )}
          sampleSize={trend.incidentCount}
          loading={trend.fetching}
          error={trend.error}
          empty={trend.detection.total === 0}
          onRetry={trend.onRetry}
          dataTable={<DetectionTrendTable data={trend.detection} cellHref={detectionHref} />}
        >
          <DetectionTrendChart data={trend.detection} periodLabel={periodAxisTitle[granularity]} onSelect={on.selectDetection} />
        </ChartFrame>

        <ChartFrame
          title="Redundancy gaps"
          definition={explainMetric(
            defs,
            'redundancyGaps',
            'MISSING: the service did not have the mechanism; FAILED: it had it and it did not work. Click a cell to list the service’s incidents',
          )}
          sampleSize={gaps.gapCount}
          sampleUnit={`gaps (${gaps.matrix.missingCount} missing · ${gaps.matrix.failedCount} failed) · ${gaps.matrix.uncoveredCount} uncovered`}
          loading={gaps.fetching}
          error={gaps.error}
          empty={gaps.matrix.services.length === 0}
          emptyMessage="No redundancy gaps recorded for these filters."
          onRetry={gaps.onRetry}
          dataTable={<GapTable matrix={gaps.matrix} cellHref={gapHref} />}
        >
          <GapHeatmap matrix={gaps.matrix} onSelectCell={on.selectGap} />
        </ChartFrame>
      </div>
    </div>
  );
}
