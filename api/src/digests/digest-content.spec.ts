import { Severity } from '../incidents/incident.enums';
import type { MetricsJson, ReportData } from '../reports/report-data';
import { DigestContent, digestContent, emailHtml, emailText, overviewLink, periodNames, scopeText, slackMessage } from './digest-content';

/** `~` is a non-breaking space (U+00A0) in the expectations; `−` is U+2212. */
const n = (s: string) => s.replace(/~/g, '\u00a0');

const stat = (count: number, minutes: number | null) => ({
  count,
  meanMinutes: minutes,
  medianMinutes: minutes,
  p90Minutes: minutes,
  smallSample: count < 5,
});
const service = (name: string, sloMet: boolean) => ({
  service: { id: name, name },
  incidentCount: 1,
  downtimeMinutes: 10,
  availability: sloMet ? 99.99 : 99,
  slo: 99.9,
  sloMet,
  errorBudgetUsed: sloMet ? 0.1 : 10,
  mtbfMinutes: null,
});
const metrics = (over: Partial<MetricsJson> = {}): MetricsJson => ({
  periodStart: '2026-11-01T00:00:00.000Z',
  periodEnd: '2026-12-01T00:00:00.000Z',
  periodMinutes: 43200,
  incidentCount: 12,
  ongoingCount: 0,
  excludedCount: 0,
  nearMissCount: 0,
  timeToDetect: stat(10, 5),
  timeToAcknowledge: stat(10, 10),
  timeToMitigate: stat(10, 30),
  timeToResolve: stat(12, 120),
  downtimeMinutes: 300,
  byRootCause: [],
  byRootCategory: [],
  contributingFactors: [],
  trend: [],
  redundancyGaps: [],
  services: [service('A', true), service('B', true), service('C', true)],
  detection: [],
  actionItems: { opened: 0, open: 0, done: 0, overdue: 0, medianDaysToDone: null, incidentsAllDoneShare: null },
  reviews: { required: 4, published: 3, publishedOnTime: 2, overdue: 1, medianDaysToPublish: 3, smallSample: true, overdueIncidents: [] },
  repeats: { count: 3, share: 0.25, smallSample: false, byRootCause: [] },
  fixesThatDidNotHold: ['Add retry budget', 'Pin the base image', 'Alert on queue depth', 'Fourth fix'].map((title, i) => ({
    actionItem: { title },
    cause: { name: 'Bad deploy' },
    services: i ? [{ name: 'Checkout' }] : [{ name: 'Checkout' }, { name: 'Cart' }],
    incidentCount: 1,
    incidents: [{ key: `INC-${7 + i}` }],
  })),
  ...over,
});
const previous = metrics({
  periodStart: '2026-10-01T00:00:00.000Z',
  periodEnd: '2026-11-01T00:00:00.000Z',
  incidentCount: 17,
  timeToResolve: stat(17, 90),
  services: [service('A', true), service('B', false), service('C', false)],
  reviews: { required: 5, published: 5, publishedOnTime: 5, overdue: 0, medianDaysToPublish: 2, smallSample: false, overdueIncidents: [] },
  repeats: { count: 2, share: 2 / 17, smallSample: false, byRootCause: [] },
  fixesThatDidNotHold: [],
});
const report = (now: MetricsJson, before: MetricsJson | null): ReportData => ({
  quarter: '2026-11-01 to 2026-11-30',
  previousQuarter: '2026-10-01 to 2026-10-31',
  generatedAt: '2026-12-01T08:00:00.000Z',
  trendGranularity: 'WEEK',
  definitions: [],
  metrics: now,
  previous: before,
  largestIncidents: [],
});
const ALL = { teams: [], services: [], causes: [], sources: [] };

const content = (over: Partial<DigestContent> = {}): DigestContent => ({
  title: 'Ops <weekly> & more: reliability, week of 30 Nov 2026',
  period: 'Week of 30 Nov',
  previousPeriod: 'Week of 23 Nov',
  covers: '2026-11-30 to 2026-12-06 (UTC), compared with week of 23 Nov 2026',
  scope: 'Teams: Ops',
  empty: false,
  previousIncidents: '1',
  headline: [
    { label: 'Incidents', now: '3', before: '1', change: n('+2 (+200.0~%)'), verdict: 'worse' },
    { label: 'Downtime (sum)', now: n('2.50~h'), before: n('1.00~h'), change: n('+1.50~h (+150.0~%)'), verdict: 'worse' },
  ],
  loop: [{ label: 'Repeat incidents', now: n('1 (33.3~%)'), before: n('0 (0.0~%)'), change: '+1', verdict: 'worse' }],
  changes: [n('Incidents rose from 1 to 3 (+200~%).')],
  fixNext: [{ title: 'Bad <deploy>', detail: n('1.50~h of downtime over 1 incident (33~% of incidents)') }],
  link: 'https://h.example.com/?period=custom&from=2026-11-30&to=2026-12-06',
  ...over,
});

describe('digest content', () => {
  it('links to the overview with the period (first and last day) and the filter in the web app’s parameters', () => {
    const link = overviewLink('https://h.example.com/', new Date('2026-11-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'), {
      teamIds: ['3', '4'],
      severities: [Severity.SEV1],
      serviceIds: [],
      rootCauseIds: ['9'],
    });
    expect(link).toBe('https://h.example.com/?period=custom&from=2026-11-01&to=2026-11-30&team=3%2C4&severity=SEV1&cause=9');
  });

  it('names periods shortly: a month, a quarter, a Monday week, else the first and last day', () => {
    expect(periodNames('2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).toEqual({ short: 'Nov 2026', long: 'November 2026' });
    expect(periodNames('2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z')).toEqual({ short: 'Dec 2026', long: 'December 2026' });
    expect(periodNames('2026-07-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z')).toEqual({ short: '2026-Q3', long: '2026-Q3' });
    expect(periodNames('2026-11-30T00:00:00.000Z', '2026-12-07T00:00:00.000Z')).toEqual({
      short: 'Week of 30 Nov',
      long: 'week of 30 Nov 2026',
    });
    // a Tuesday week is not called a week
    expect(periodNames('2026-12-01T00:00:00.000Z', '2026-12-08T00:00:00.000Z').short).toBe('2026-12-01 to 2026-12-07');
  });

  it('states the scope by name, or all incidents', () => {
    expect(scopeText(ALL)).toBe('All incidents');
    expect(
      scopeText({
        ...ALL,
        teams: ['Commerce', 'Search'],
        severities: [Severity.SEV1, Severity.SEV2],
        sources: ['PagerDuty'],
        confirmedOnly: true,
      }),
    ).toBe('Teams: Commerce, Search · Severities: SEV1, SEV2 · Sources: PagerDuty · confirmed incidents only');
  });

  it('a month against the previous one: short names, judged changes with U+2212, the loop numbers, fixes that did not hold (at most 3)', () => {
    const c = digestContent('Leadership monthly', report(metrics(), previous), null, { ...ALL, teams: ['Commerce'] });
    expect(c.title).toBe('Leadership monthly: reliability, November 2026');
    expect([c.period, c.previousPeriod]).toEqual(['Nov 2026', 'Oct 2026']);
    expect(c.covers).toBe('2026-11-01 to 2026-11-30 (UTC), compared with October 2026');
    expect(c.scope).toBe('Teams: Commerce');
    expect(c.empty).toBe(false);
    expect(c.headline[0]).toEqual({ label: 'Incidents', now: '12', before: '17', change: n('−5 (−29.4~%)'), verdict: 'better' });
    expect(c.headline[2]).toEqual({
      label: 'MTTR (mean time to resolve)',
      now: n('2.00~h'),
      before: n('1.50~h'),
      change: n('+30.0~min (+33.3~%)'),
      verdict: 'worse',
    });
    expect(c.headline[7]).toEqual({
      label: 'Downtime (sum)',
      now: n('5.00~h'),
      before: n('5.00~h'),
      change: n('±0.0~min (±0.0~%)'),
      verdict: null,
    });
    // detect: 5.04 vs 5 min prints "+0.0 min (+0.8 %)": a change that rounds to nothing is not judged
    const tiny = digestContent('X', report(metrics({ timeToDetect: stat(10, 5.04) }), previous), null, ALL);
    expect(tiny.headline[5]).toMatchObject({ change: n('+0.0~min (+0.8~%)'), verdict: null });
    expect(c.headline[10]).toEqual({
      label: 'Services within SLO',
      now: n('3~of~3'),
      before: n('1~of~3'),
      change: '+2',
      verdict: 'better',
    });
    expect(c.loop).toEqual([
      { label: 'Reviews published', now: n('3~of~4 (75~%)'), before: n('5~of~5 (100~%)'), change: n('−25.0~pts'), verdict: 'worse' },
      { label: 'Published on time', now: n('2~of~4 (50~%)'), before: n('5~of~5 (100~%)'), change: n('−50.0~pts'), verdict: 'worse' },
      { label: 'Reviews overdue now', now: '1', before: '0', change: '+1', verdict: 'worse' },
      { label: 'Repeat incidents', now: n('3 (25.0~%)'), before: n('2 (11.8~%)'), change: n('+1 (+50.0~%)'), verdict: 'worse' },
    ]);
    expect(c.changes).toEqual([
      n('Incidents fell from 17 to 12 (−29~%).'),
      n('Services within SLO rose from 1~of~3 to 3~of~3.'),
      n('Median time to resolve rose from 1.50~h to 2.00~h (12 incidents vs 17).'),
      n('p90 time to resolve rose from 1.50~h to 2.00~h (12 incidents vs 17).'),
    ]);
    expect(c.fixNext).toEqual([
      { title: 'Fix that did not hold: Add retry budget', detail: 'Bad deploy came back on Checkout, Cart (INC-7)' },
      { title: 'Fix that did not hold: Pin the base image', detail: 'Bad deploy came back on Checkout (INC-8)' },
      { title: 'Fix that did not hold: Alert on queue depth', detail: 'Bad deploy came back on Checkout (INC-9)' },
    ]);
    expect(c.link).toBeNull();
  });

  it('without a link the footer says how to get one, in email and webhook', () => {
    const c = digestContent('Leadership monthly', report(metrics(), previous), null, ALL);
    const note = 'A link to the overview appears here once HINDSIGHT_PUBLIC_URL is set on the Hindsight server.';
    expect(emailText(c)).toContain(note);
    expect(emailHtml(c)).toContain(note);
    expect(emailHtml(c)).not.toContain('<a ');
    const blocks = slackMessage(c).blocks as Array<{ type: string; elements?: Array<{ text: string }> }>;
    expect(blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: note.replace('HINDSIGHT_PUBLIC_URL', '`HINDSIGHT_PUBLIC_URL`') }],
    });
  });

  it('an empty period says so once, in email and webhook, without the loop table', () => {
    const c = digestContent('Ops weekly', report(metrics({ incidentCount: 0, timeToResolve: stat(0, null) }), previous), null, ALL);
    expect(c.empty).toBe(true);
    expect(emailText(c)).toContain(
      'Headline numbers (Nov 2026 vs Oct 2026)\nNo incidents in this period (17 in Oct 2026).\n\nWhat changed most',
    );
    expect(emailText(c)).not.toContain('Closing the loop');
    expect(emailHtml(c)).toContain('<b>No incidents in this period</b> (17 in Oct 2026).');
    expect(emailHtml(c)).not.toContain('<table');
    const m = slackMessage(c);
    expect(m.text).toBe('Ops weekly: reliability, November 2026: no incidents in this period (17 in Oct 2026)');
    expect((m.blocks[2] as { text: { text: string } }).text.text).toBe('*Headline numbers*\nNo incidents in this period (17 in Oct 2026).');
    expect(m.blocks.map((b) => (b as { type: string }).type)).toEqual(['header', 'context', 'section', 'section', 'section', 'context']);
  });

  it('a Slack message: text, header, scope, headline, loop, changes, fix next, link; mrkdwn escaped, the header plain', () => {
    const m = slackMessage(content());
    expect(m.text).toBe(n('Ops <weekly> & more: reliability, week of 30 Nov 2026: Incidents 3 (+2 (+200.0~%) vs Week of 23 Nov)'));
    expect(m.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Ops <weekly> & more: reliability, week of 30 Nov 2026' } },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: '2026-11-30 to 2026-12-06 (UTC), compared with week of 23 Nov 2026 · Scope: Teams: Ops' }],
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: n(
            '*Headline numbers* (Week of 30 Nov vs Week of 23 Nov)\n• Incidents: *3* (+2 (+200.0~%), ▲~worse)\n• Downtime (sum): *2.50~h* (+1.50~h (+150.0~%), ▲~worse)',
          ),
        },
      },
      { type: 'section', text: { type: 'mrkdwn', text: n('*Closing the loop*\n• Repeat incidents: *1 (33.3~%)* (+1, ▲~worse)') } },
      { type: 'section', text: { type: 'mrkdwn', text: n('*What changed most*\n• Incidents rose from 1 to 3 (+200~%).') } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: n('*What to fix next*\n• *Bad &lt;deploy&gt;*: 1.50~h of downtime over 1 incident (33~% of incidents)'),
        },
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: '<https://h.example.com/?period=custom&from=2026-11-30&to=2026-12-06|Open the overview> · Week of 30 Nov (UTC)',
          },
        ],
      },
    ]);
  });

  it('keeps Slack’s limits: a header of at most 150 characters, sections of at most 3000, far fewer than 50 blocks', () => {
    const long = slackMessage(
      content({ title: 'x'.repeat(400), changes: Array.from({ length: 500 }, (_, i) => `Change ${i} is long enough.`) }),
    );
    expect((long.blocks[0] as { text: { text: string } }).text.text).toHaveLength(150);
    expect((long.blocks[4] as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(3000);
    expect(long.blocks.length).toBeLessThanOrEqual(50);
  });

  it('the email: the same lines in text; HTML a document with the user text escaped, header cells padded like data cells', () => {
    const text = emailText(content({ fixNext: [] }));
    expect(text).toContain(n('- Incidents: 3 (Week of 23 Nov: 1; change +2 (+200.0~%), ▲~worse)'));
    expect(text).toContain(n('Closing the loop\n- Repeat incidents: 1 (33.3~%) (Week of 23 Nov: 0 (0.0~%); change +1, ▲~worse)'));
    expect(text).toContain('Scope: Teams: Ops.');
    expect(text).toContain('What to fix next\n- Nothing stands out.');
    const html = emailHtml(content());
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><meta name="viewport"')).toBe(true);
    expect(html).toContain('<title>Ops &#60;weekly&#62; &#38; more: reliability, week of 30 Nov 2026</title>');
    expect(html).toContain('max-width:640px');
    expect(html).toContain('<b>Bad &#60;deploy&#62;</b>');
    expect(html).not.toContain('<deploy>');
    const th = /<th scope="col" style="padding:([^;]+);[^"]*text-align:right/.exec(html);
    const td = /<td style="padding:([^;]+);[^"]*text-align:right;white-space:nowrap"/.exec(html);
    expect(th?.[1]).toBe(td?.[1]);
    expect(html).toContain('>Week of 30 Nov</th>');
    expect(html).toContain(
      n(
        '<td style="padding:4px 6px;vertical-align:top;border-bottom:1px solid #e3e5e8;text-align:right"><span style="white-space:nowrap">+2</span> <span style="white-space:nowrap">(+200.0~%)</span><br><span style="color:#b42318;font-weight:600">▲~worse</span></td>',
      ),
    );
    expect(html).toContain('<a href="https://h.example.com/?period=custom&#38;from=2026-11-30&#38;to=2026-12-06"');
  });
});
