import { executiveSummary, FixNextItem, headline, ReportData, sloStanding } from '../reports/report-data';
import type { DigestFilterJson } from './digest.model';

/** What a digest says, whatever the channel: every line is read from the period's report (report-data.ts). */
export interface DigestContent {
  title: string;
  /** "2026-11-30 to 2026-12-06" or "2026-Q3". */
  period: string;
  previousPeriod: string;
  /** Label, this period, the previous period, the change. */
  headline: Array<[string, string, string, string]>;
  changes: string[];
  fixNext: FixNextItem[];
  /** The overview with the digest's period and filter. */
  link: string;
}

const DAY = 86_400_000;
const day = (t: Date) => t.toISOString().slice(0, 10);

/**
 * The overview page with the period (custom, first and last day) and the filter's dimensions, in the web app's
 * URL parameters (web/src/features/filters/transforms/filterParams.ts).
 */
export function overviewLink(base: string, from: Date, to: Date, filter: DigestFilterJson): string {
  const q = new URLSearchParams({ period: 'custom', from: day(from), to: day(new Date(to.getTime() - DAY)) });
  const add = (key: string, xs: Array<string | number> | null | undefined) => xs?.length && q.set(key, xs.join(','));
  add('team', filter.teamIds);
  add('service', filter.serviceIds);
  add('severity', filter.severities);
  add('cause', filter.rootCauseIds);
  add('source', filter.sourceIds);
  return `${base.replace(/\/+$/, '')}/?${q.toString()}`;
}

/** The digest of a period's report: the report's headline rows and services within SLO, what changed most, what to fix next. */
export function digestContent(name: string, d: ReportData, link: string): DigestContent {
  const summary = executiveSummary(d);
  const slo = sloStanding(d.metrics);
  const before = d.previous ? sloStanding(d.previous) : null;
  const standing = (s: { within: number; total: number } | null) => (s && s.total ? `${s.within} of ${s.total}` : '–');
  const sloChange =
    slo.total && before?.total
      ? slo.within === before.within && slo.total === before.total
        ? '±0'
        : `${standing(before)} → ${standing(slo)}`
      : '–';
  return {
    title: `${name}: reliability ${d.quarter}`,
    period: d.quarter,
    previousPeriod: d.previousQuarter,
    headline: [...headline(d), ['Services within SLO', standing(slo), standing(before), sloChange]],
    changes: summary.changes,
    fixNext: summary.fixNext,
    link,
  };
}

const line = ([label, now, before, change]: [string, string, string, string]) => `${label}: ${now} (previous ${before}; change ${change})`;

/** The email's plain text. */
export function emailText(c: DigestContent): string {
  return [
    c.title,
    `Period: ${c.period} (UTC), compared with ${c.previousPeriod}.`,
    '',
    'Headline numbers',
    ...c.headline.map((r) => `- ${line(r)}`),
    '',
    'What changed most',
    ...c.changes.map((x) => `- ${x}`),
    '',
    'What to fix next',
    ...(c.fixNext.length ? c.fixNext.map((f) => `- ${f.title}: ${f.detail}`) : ['- Nothing stands out.']),
    '',
    `Overview: ${c.link}`,
    'The period’s report is attached (PDF).',
    '',
  ].join('\n');
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The email's HTML: the same content as the text, in a table and lists. */
export function emailHtml(c: DigestContent): string {
  const rows = c.headline
    .map((r) => `<tr>${r.map((x, i) => `<td style="padding:2px 10px 2px 0${i ? ';text-align:right' : ''}">${esc(x)}</td>`).join('')}</tr>`)
    .join('');
  const list = (xs: string[]) => `<ul>${xs.map((x) => `<li>${x}</li>`).join('')}</ul>`;
  return [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<h1 style="font-size:20px">${esc(c.title)}</h1>`,
    `<p>Period: ${esc(c.period)} (UTC), compared with ${esc(c.previousPeriod)}.</p>`,
    `<h2 style="font-size:16px">Headline numbers</h2><table><tr><th align="left">Metric</th><th align="right">${esc(c.period)}</th><th align="right">${esc(c.previousPeriod)}</th><th align="right">Change</th></tr>${rows}</table>`,
    `<h2 style="font-size:16px">What changed most</h2>${list(c.changes.map(esc))}`,
    `<h2 style="font-size:16px">What to fix next</h2>${list(c.fixNext.length ? c.fixNext.map((f) => `<b>${esc(f.title)}</b>: ${esc(f.detail)}`) : ['Nothing stands out.'])}`,
    `<p><a href="${esc(c.link)}">Open the overview</a> · the period’s report is attached (PDF).</p>`,
    '</body></html>',
  ].join('\n');
}

/** Slack's limit for a section's text. */
const SECTION_LIMIT = 3000;
const cut = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
/** Slack mrkdwn escapes only these three. */
const mrk = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Slack-compatible message: `text` (the notification and fallback) and header/section/context `blocks`. */
export function slackMessage(c: DigestContent): { text: string; blocks: object[] } {
  const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text: cut(text, SECTION_LIMIT) } });
  const incidents = c.headline[0];
  return {
    text: `${c.title}: ${incidents[0]} ${incidents[1]} (${incidents[3]} vs ${c.previousPeriod})`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: cut(c.title, 150) } },
      section(
        `*Headline numbers* (${mrk(c.period)} vs ${mrk(c.previousPeriod)})\n${c.headline.map(([l, now, , ch]) => `• ${mrk(l)}: *${mrk(now)}* (${mrk(ch)})`).join('\n')}`,
      ),
      section(`*What changed most*\n${c.changes.map((x) => `• ${mrk(x)}`).join('\n')}`),
      section(
        `*What to fix next*\n${c.fixNext.length ? c.fixNext.map((f) => `• *${mrk(f.title)}*: ${mrk(f.detail)}`).join('\n') : 'Nothing stands out.'}`,
      ),
      { type: 'context', elements: [{ type: 'mrkdwn', text: `<${c.link}|Open the overview> · ${mrk(c.period)} (UTC)` }] },
    ],
  };
}
