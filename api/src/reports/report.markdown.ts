import {
  change,
  fixNotHeldRows,
  fmtBudget,
  fmtMinutes,
  fmtPct,
  gapsInOrder,
  headline,
  loopRows,
  overdueReviewRows,
  ReportData,
} from './report-data';

const cell = (s: unknown) =>
  String(s ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');
const table = (head: string[], rows: unknown[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');

/** The quarterly report as Markdown, for wikis. */
export function reportMarkdown(d: ReportData): string {
  const m = d.metrics;
  const out: string[] = [];
  out.push(`# Reliability report ${d.quarter}`, '');
  out.push(
    `Period ${m.periodStart ?? '–'} to ${m.periodEnd} (UTC, end exclusive), compared with ${d.previousQuarter}. Generated ${d.generatedAt}.`,
    '',
  );
  out.push('## Headline numbers', '', table(['Metric', d.quarter, d.previousQuarter, 'Change'], headline(d)), '');
  if (m.timeToResolve.smallSample) out.push(`_Small sample: time to resolve over ${m.timeToResolve.count} incidents._`, '');
  out.push(
    '## MTTR trend (weekly)',
    '',
    table(
      ['Week of', 'Incidents', 'MTTR', 'Median', 'p90'],
      m.trend.map((p) => [
        p.periodStart.slice(0, 10),
        p.incidentCount,
        fmtMinutes(p.timeToResolve.meanMinutes),
        fmtMinutes(p.timeToResolve.medianMinutes),
        fmtMinutes(p.timeToResolve.p90Minutes),
      ]),
    ),
    '',
  );
  out.push(
    '## Root causes (Pareto)',
    '',
    table(
      ['Cause', 'Incidents', 'Share', 'Cumulative', 'Downtime', 'Median TTR'],
      m.byRootCause.map((c) => [
        c.name,
        c.incidentCount,
        fmtPct(c.share),
        fmtPct(c.cumulativeShare),
        fmtMinutes(c.downtimeMinutes),
        fmtMinutes(c.timeToResolve.medianMinutes),
      ]),
    ),
    '',
  );
  out.push(
    '## Redundancy gaps (uncovered first)',
    '',
    table(
      ['Service', 'Mechanism', 'Gaps', 'Downtime', 'Covered by an open action item'],
      gapsInOrder(m).map((g) => [
        g.service.name,
        g.mechanism.name,
        g.gapCount,
        fmtMinutes(g.downtimeMinutes),
        g.covered ? 'yes' : '**no**',
      ]),
    ),
    '',
  );
  out.push(
    '## Availability per service',
    '',
    table(
      ['Service', 'Incidents', 'Downtime', 'Availability', 'SLO', 'SLO met', 'Error budget used'],
      m.services.map((s) => [
        s.service.name,
        s.incidentCount,
        fmtMinutes(s.downtimeMinutes),
        `${s.availability.toFixed(4)} %`,
        `${s.slo} %`,
        s.sloMet ? 'yes' : '**no**',
        fmtBudget(s.errorBudgetUsed),
      ]),
    ),
    '',
  );
  out.push(
    '## Largest incidents',
    '',
    table(
      ['Incident', 'Title', 'Severity', 'Services', 'Downtime', 'Time to resolve', 'Status'],
      d.largestIncidents.map((i) => [
        i.key,
        i.title,
        i.severity,
        i.services,
        fmtMinutes(i.downtimeMinutes),
        fmtMinutes(i.timeToResolveMinutes),
        i.status,
      ]),
    ),
    '',
  );
  const a = m.actionItems;
  const pa = d.previous?.actionItems;
  out.push(
    '## Action items',
    '',
    table(
      ['', d.quarter, d.previousQuarter, 'Change'],
      [
        ['Opened', a.opened, pa?.opened ?? '–', change(a.opened, pa?.opened)],
        ['Done', a.done, pa?.done ?? '–', change(a.done, pa?.done)],
        ['Open', a.open, pa?.open ?? '–', change(a.open, pa?.open)],
        ['Overdue', a.overdue, pa?.overdue ?? '–', change(a.overdue, pa?.overdue)],
        ['Median days to done', a.medianDaysToDone?.toFixed(1) ?? '–', pa?.medianDaysToDone?.toFixed(1) ?? '–', ''],
        ['Incidents with all items done', fmtPct(a.incidentsAllDoneShare), fmtPct(pa?.incidentsAllDoneShare), ''],
      ],
    ),
    '',
  );
  const notHeld = fixNotHeldRows(d);
  const overdue = overdueReviewRows(d);
  out.push(
    '## Closing the loop: reviews and repeats',
    '',
    table(['', d.quarter, d.previousQuarter, 'Change'], loopRows(d)),
    '',
    ...(overdue.length ? ['### Overdue reviews (most overdue first)', '', table(['Incident', 'Title', 'Due'], overdue), ''] : []),
    '### Fixes that did not hold',
    '',
    notHeld.length
      ? table(['Prevention done', 'Cause', 'Services', 'Incidents after it'], notHeld)
      : 'None: no done prevention item was followed by its cause on the same service in this period.',
    '',
  );
  out.push('## Metric definitions', '', ...d.definitions.map(({ name, formula }) => `- **${name}**: ${formula}`), '');
  return out.join('\n');
}
