import { stringify } from 'csv-stringify/sync';
import { neutralizeCell } from '../imports/csv-cells';
import { MetricsJson, ReportData, Stat } from './report-data';

/**
 * The numbers under the report, one per line: section, item, metric, value for the quarter and
 * for the previous quarter (empty where it has none). Minutes and fractions unrounded. Names are
 * user text: a cell a spreadsheet would run as a formula gets a quote in front (csv-cells.ts).
 */
export function reportCsv(d: ReportData): string {
  const rows: unknown[][] = [];
  const both = (section: string, item: string, pick: (m: MetricsJson) => number | null | undefined) =>
    rows.push([section, item, pick(d.metrics) ?? '', d.previous ? (pick(d.previous) ?? '') : '']);
  for (const k of ['incidentCount', 'ongoingCount', 'excludedCount', 'nearMissCount', 'downtimeMinutes', 'periodMinutes'] as const)
    both('headline', k, (m) => m[k]);
  for (const k of ['timeToDetect', 'timeToAcknowledge', 'timeToMitigate', 'timeToResolve'] as const) {
    for (const f of ['count', 'meanMinutes', 'medianMinutes', 'p90Minutes'] as Array<keyof Stat>)
      both(k, f, (m) => m[k][f] as number | null);
  }
  for (const k of ['opened', 'open', 'done', 'overdue', 'medianDaysToDone', 'incidentsAllDoneShare'] as const)
    both('actionItems', k, (m) => m.actionItems[k]);
  for (const k of ['required', 'published', 'publishedOnTime', 'overdue', 'medianDaysToPublish'] as const)
    both('reviews', k, (m) => m.reviews[k]);
  for (const k of ['count', 'share'] as const) both('repeats', k, (m) => m.repeats[k]);
  const m = d.metrics;
  for (const c of m.byRootCause) {
    rows.push(
      ['byRootCause', `${c.name}: incidentCount`, c.incidentCount, ''],
      ['byRootCause', `${c.name}: share`, c.share, ''],
      ['byRootCause', `${c.name}: downtimeMinutes`, c.downtimeMinutes, ''],
      ['byRootCause', `${c.name}: timeToResolve.medianMinutes`, c.timeToResolve.medianMinutes ?? '', ''],
    );
  }
  for (const p of m.trend) {
    rows.push(
      ['trend', `${p.periodStart.slice(0, 10)}: incidentCount`, p.incidentCount, ''],
      ['trend', `${p.periodStart.slice(0, 10)}: timeToResolve.meanMinutes`, p.timeToResolve.meanMinutes ?? '', ''],
    );
  }
  for (const g of m.redundancyGaps) {
    rows.push(
      ['redundancyGaps', `${g.service.name} / ${g.mechanism.name}: gapCount`, g.gapCount, ''],
      ['redundancyGaps', `${g.service.name} / ${g.mechanism.name}: covered`, g.covered, ''],
    );
  }
  for (const s of m.services) {
    rows.push(
      ['services', `${s.service.name}: availability`, s.availability, ''],
      ['services', `${s.service.name}: slo`, s.slo, ''],
      ['services', `${s.service.name}: errorBudgetUsed`, s.errorBudgetUsed, ''],
      ['services', `${s.service.name}: downtimeMinutes`, s.downtimeMinutes, ''],
    );
  }
  for (const i of d.largestIncidents) rows.push(['largestIncidents', `${i.key}: downtimeMinutes`, i.downtimeMinutes ?? '', '']);
  return stringify(rows, {
    header: true,
    columns: ['section', 'item', d.quarter, d.previousQuarter],
    cast: { boolean: (b) => String(b), string: neutralizeCell },
  });
}
