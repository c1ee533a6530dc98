import {
  executiveSummary,
  FixNextItem,
  fixNotHeldRows,
  fmtPct,
  headline,
  loopRows,
  MINUS,
  ReportData,
  sloStanding,
} from '../reports/report-data';
import type { DigestFilterJson } from './digest.model';

/** A headline number: this period, the previous period, the change, and whether the change is for the better. */
export interface DigestFigure {
  label: string;
  now: string;
  before: string;
  /** "+2 (+200.0 %)", "−5" (U+2212), "±0", or "–" when there is nothing to compare. */
  change: string;
  /** From the metric's direction (fewer incidents, lower MTTR, more services within SLO are better); null when unchanged or neutral. */
  verdict: 'better' | 'worse' | null;
}

/** What a digest says, whatever the channel: every line is read from the period's report (report-data.ts). */
export interface DigestContent {
  /** "Leadership monthly: reliability, November 2026". */
  title: string;
  /** Short names for column headers: "Nov 2026", "2026-Q3", "Week of 30 Nov". */
  period: string;
  previousPeriod: string;
  /** The period's days and the previous period's name: "2026-11-01 to 2026-11-30 (UTC), compared with October 2026". */
  covers: string;
  /** What the digest counts, in names: "Teams: Payments · Severities: SEV1, SEV2", or "All incidents". */
  scope: string;
  /** No counted incident in the period: the headline numbers are replaced by one sentence. */
  empty: boolean;
  /** The previous period's incident count, for the empty sentence. */
  previousIncidents: string;
  headline: DigestFigure[];
  /** Closing the loop (SPEC §6): review completion and repeats. */
  loop: DigestFigure[];
  changes: string[];
  fixNext: Array<Pick<FixNextItem, 'title' | 'detail'>>;
  /** The overview with the digest's period and filter; null without HINDSIGHT_PUBLIC_URL (the server's own address may not be reachable). */
  link: string | null;
}

/** A filter's dimensions by name (digestsRepository.scopeNames, plus the filter's severities). */
export interface DigestScope {
  teams: string[];
  services: string[];
  causes: string[];
  sources: string[];
  severities?: string[] | null;
  confirmedOnly?: boolean | null;
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

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A period's names: `short` for a column header, `long` for a title. A calendar month is "Nov 2026" / "November 2026",
 * a calendar quarter "2026-Q3", a Monday-to-Monday week "Week of 30 Nov" / "week of 30 Nov 2026"; any other period its
 * first and last day.
 */
export function periodNames(startIso: string, endIso: string): { short: string; long: string } {
  const s = new Date(startIso);
  const end = Date.parse(endIso);
  const y = s.getUTCFullYear();
  const m = s.getUTCMonth();
  const midnight = s.getTime() === Date.UTC(y, m, s.getUTCDate());
  const first = midnight && s.getUTCDate() === 1;
  if (first && end === Date.UTC(y, m + 1, 1)) return { short: `${MONTHS[m].slice(0, 3)} ${y}`, long: `${MONTHS[m]} ${y}` };
  if (first && m % 3 === 0 && end === Date.UTC(y, m + 3, 1)) return { short: `${y}-Q${m / 3 + 1}`, long: `${y}-Q${m / 3 + 1}` };
  if (midnight && s.getUTCDay() === 1 && end - s.getTime() === 7 * DAY) {
    const d = `${s.getUTCDate()} ${MONTHS[m].slice(0, 3)}`;
    return { short: `Week of ${d}`, long: `week of ${d} ${y}` };
  }
  const range = `${day(s)} to ${day(new Date(end - DAY))}`;
  return { short: range, long: range };
}

/** The scope line: each dimension of the filter by name, or "All incidents". */
export function scopeText(x: DigestScope): string {
  const parts = [
    ['Teams', x.teams],
    ['Services', x.services],
    ['Severities', x.severities ?? []],
    ['Causes', x.causes],
    ['Sources', x.sources],
  ]
    .filter(([, names]) => names.length)
    .map(([label, names]) => `${label as string}: ${(names as string[]).join(', ')}`);
  if (x.confirmedOnly) parts.push('confirmed incidents only');
  return parts.length ? parts.join(' · ') : 'All incidents';
}

const NBSP = '\u00a0';
/** Keeps numbers with their units ("5.16 h", "29.4 %", "3 pts", "9 of 12") on one line: non-breaking spaces. */
export const nb = (s: string): string =>
  s.replace(/(\d) of (\d)/g, `$1${NBSP}of${NBSP}$2`).replace(/(\d) (h|min|d|pts|%)(?![\p{L}\d])/gu, `$1${NBSP}$2`);

/** Whether a change is for the better: `lowerIsBetter` metrics improve when they fall. */
function verdict(change: string, lowerIsBetter: boolean | null): DigestFigure['verdict'] {
  if (lowerIsBetter === null) return null;
  const up = change.startsWith('+');
  const down = change.startsWith(MINUS);
  // a change that rounds to nothing ("+0.0 min (+1.3 %)") is not judged
  if ((!up && !down) || /^[+\u2212]0(\.0+)?(?![\d.])/.test(change)) return null;
  return up !== lowerIsBetter ? 'better' : 'worse';
}

const figure = ([label, now, before, change]: [string, string, string, string], lowerIsBetter: boolean | null): DigestFigure => ({
  label,
  now: nb(now),
  before: nb(before),
  change: nb(change),
  verdict: verdict(change, lowerIsBetter),
});

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `${MINUS}${-n}` : '±0');

/**
 * The digest of a period's report: the report's headline rows and services within SLO, closing the loop (reviews and
 * repeats), what changed most, what to fix next (fixes that did not hold first). `link` is null without a public URL.
 */
export function digestContent(name: string, d: ReportData, link: string | null, scope: DigestScope): DigestContent {
  const m = d.metrics;
  const p = d.previous;
  const summary = executiveSummary(d, MINUS);
  const names = m.periodStart ? periodNames(m.periodStart, m.periodEnd) : { short: d.quarter, long: d.quarter };
  const before = p?.periodStart ? periodNames(p.periodStart, p.periodEnd) : { short: d.previousQuarter, long: d.previousQuarter };
  const days = m.periodStart ? `${m.periodStart.slice(0, 10)} to ${day(new Date(Date.parse(m.periodEnd) - DAY))}` : d.quarter;

  const slo = sloStanding(m);
  const sloBefore = p ? sloStanding(p) : null;
  const standing = (x: { within: number; total: number } | null) => (x && x.total ? `${x.within} of ${x.total}` : '–');
  const sloChange =
    slo.total && sloBefore?.total
      ? `${signed(slo.within - sloBefore.within)}${slo.total !== sloBefore.total ? ` (of ${slo.total}, was of ${sloBefore.total})` : ''}`
      : '–';

  const r = m.reviews;
  const pr = p?.reviews;
  const loop = loopRows(d, MINUS);
  const ofRequired = (n: number, required: number) => (required ? `${n} of ${required} (${fmtPct(n / required, 0)})` : '–');

  const fixesNotHeld = fixNotHeldRows(d)
    .slice(0, 3)
    .map(([item, cause, services, incidents]) => ({
      title: `Fix that did not hold: ${item}`,
      detail: `${cause} came back on ${services || 'its services'} (${incidents})`,
    }));

  return {
    title: `${name}: reliability, ${names.long}`,
    period: names.short,
    previousPeriod: before.short,
    covers: `${days} (UTC), compared with ${before.long}`,
    scope: scopeText(scope),
    empty: m.incidentCount === 0,
    previousIncidents: p ? String(p.incidentCount) : '–',
    headline: [
      ...headline(d, MINUS).map((row) => figure(row, true)),
      figure(['Services within SLO', standing(slo), standing(sloBefore), sloChange], false),
    ],
    loop: [
      figure(
        ['Reviews published', ofRequired(r.published, r.required), pr ? ofRequired(pr.published, pr.required) : '–', loop[1][3]],
        false,
      ),
      figure(
        [
          'Published on time',
          ofRequired(r.publishedOnTime, r.required),
          pr ? ofRequired(pr.publishedOnTime, pr.required) : '–',
          loop[2][3],
        ],
        false,
      ),
      figure(['Reviews overdue now', loop[3][1], loop[3][2], loop[3][3]], true),
      figure(['Repeat incidents', loop[5][1], loop[5][2], loop[5][3]], true),
    ],
    changes: summary.changes.map((c) => nb(c.replace(/\(n = (\d+) vs (\d+)/g, '($1 incidents vs $2'))),
    fixNext: [...fixesNotHeld, ...summary.fixNext].map((f) => ({ title: f.title, detail: nb(f.detail) })),
    link,
  };
}

const FOOTER_NO_LINK = 'A link to the overview appears here once HINDSIGHT_PUBLIC_URL is set on the Hindsight server.';
const arrow = (f: DigestFigure) => (f.change.startsWith('+') ? '▲' : '▼');
const judged = (f: DigestFigure) => (f.verdict ? `, ${arrow(f)}${NBSP}${f.verdict}` : '');
const line = (f: DigestFigure, previous: string) => `${f.label}: ${f.now} (${previous}: ${f.before}; change ${f.change}${judged(f)})`;
const emptyLine = (c: DigestContent) => `No incidents in this period (${c.previousIncidents} in ${c.previousPeriod}).`;

/** The email's plain text. */
export function emailText(c: DigestContent): string {
  return [
    c.title,
    `Covers ${c.covers}.`,
    `Scope: ${c.scope}.`,
    '',
    `Headline numbers (${c.period} vs ${c.previousPeriod})`,
    ...(c.empty ? [emptyLine(c)] : c.headline.map((f) => `- ${line(f, c.previousPeriod)}`)),
    ...(c.empty ? [] : ['', 'Closing the loop', ...c.loop.map((f) => `- ${line(f, c.previousPeriod)}`)]),
    '',
    'What changed most',
    ...c.changes.map((x) => `- ${x}`),
    '',
    'What to fix next',
    ...(c.fixNext.length ? c.fixNext.map((f) => `- ${f.title}: ${f.detail}`) : ['- Nothing stands out.']),
    '',
    c.link ? `Overview: ${c.link}` : FOOTER_NO_LINK,
    'The period’s report is attached (PDF).',
    '',
  ].join('\n');
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const FONT = 'font-family:-apple-system,BlinkMacSystemFont,Segoe UI,Roboto,Helvetica,Arial,sans-serif';
/** The same padding for header and data cells, so a right-aligned header sits over its numbers. */
const CELL = 'padding:4px 6px;vertical-align:top;border-bottom:1px solid #e3e5e8';
/** Number cells do not wrap; the change cell may, between the change and its percentage. */
const cellStyle = (i: number) => `${CELL};text-align:${i ? 'right' : 'left'}${i === 1 || i === 2 ? ';white-space:nowrap' : ''}`;
const NOWRAP = '<span style="white-space:nowrap">';
const COLOUR = { better: '#1a7f37', worse: '#b42318' };
const H2 = 'font-size:16px;margin:20px 0 6px';

/** A table of figures: metric, this period, the previous period, the change (judged better or worse in words, not colour alone). */
function figureTable(c: DigestContent, rows: DigestFigure[], caption: string): string {
  const head = ['Metric', c.period, c.previousPeriod, 'Change']
    .map((h, i) => `<th scope="col" style="${cellStyle(i)};font-weight:600">${esc(h)}</th>`)
    .join('');
  const change = (f: DigestFigure) =>
    `${f.change
      .split(/ (?=\()/)
      .map((part) => `${NOWRAP}${esc(part)}</span>`)
      .join(' ')}${f.verdict ? `<br><span style="color:${COLOUR[f.verdict]};font-weight:600">${arrow(f)}${NBSP}${f.verdict}</span>` : ''}`;
  const body = rows
    .map(
      (f) =>
        `<tr><th scope="row" style="${cellStyle(0)};font-weight:400">${esc(f.label)}</th><td style="${cellStyle(1)}">${esc(f.now)}</td><td style="${cellStyle(2)}">${esc(f.before)}</td><td style="${cellStyle(3)}">${change(f)}</td></tr>`,
    )
    .join('');
  return `<table role="table" aria-label="${esc(caption)}" style="width:100%;border-collapse:collapse;font-size:14px"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The email's HTML: the same content as the text, in a table and lists, in a 640 px column that narrows with the screen. */
export function emailHtml(c: DigestContent): string {
  const list = (xs: string[]) =>
    `<ul style="margin:0;padding-left:20px">${xs.map((x) => `<li style="margin:2px 0">${x}</li>`).join('')}</ul>`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(c.title)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f3f4f6;${FONT};color:#1f2328">`,
    '<div style="max-width:640px;margin:0 auto;padding:16px;background:#ffffff;font-size:15px;line-height:1.45;box-sizing:border-box">',
    `<h1 style="font-size:20px;line-height:1.3;margin:0 0 8px">${esc(c.title)}</h1>`,
    `<p style="margin:0 0 4px">Covers ${esc(c.covers)}.</p>`,
    `<p style="margin:0">Scope: ${esc(c.scope)}.</p>`,
    `<h2 style="${H2}">Headline numbers</h2>`,
    c.empty
      ? `<p style="margin:0"><b>No incidents in this period</b> (${esc(c.previousIncidents)} in ${esc(c.previousPeriod)}).</p>`
      : figureTable(c, c.headline, 'Headline numbers'),
    c.empty ? '' : `<h2 style="${H2}">Closing the loop</h2>${figureTable(c, c.loop, 'Closing the loop')}`,
    `<h2 style="${H2}">What changed most</h2>${list(c.changes.map(esc))}`,
    `<h2 style="${H2}">What to fix next</h2>${list(c.fixNext.length ? c.fixNext.map((f) => `<b>${esc(f.title)}</b>: ${esc(f.detail)}`) : ['Nothing stands out.'])}`,
    `<p style="margin:20px 0 0;font-size:13px;color:#57606a">${c.link ? `<a href="${esc(c.link)}" style="color:#0969da">Open the overview</a> · the period’s report is attached (PDF).` : `The period’s report is attached (PDF). ${FOOTER_NO_LINK}`}</p>`,
    '</div>',
    '</body>',
    '</html>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Slack's limit for a section's text. */
const SECTION_LIMIT = 3000;
const cut = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
/** Slack mrkdwn escapes only these three. */
const mrk = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A Slack-compatible message: `text` (the notification and fallback) and header/section/context `blocks` — at most
 * 8 blocks (Slack allows 50), each section's text at most 3000 characters.
 */
export function slackMessage(c: DigestContent): { text: string; blocks: object[] } {
  const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text: cut(text, SECTION_LIMIT) } });
  const context = (text: string) => ({ type: 'context', elements: [{ type: 'mrkdwn', text: cut(text, SECTION_LIMIT) }] });
  const bullet = (f: DigestFigure) => `• ${mrk(f.label)}: *${mrk(f.now)}* (${mrk(f.change)}${judged(f)})`;
  const incidents = c.headline[0];
  return {
    text: c.empty
      ? `${c.title}: no incidents in this period (${c.previousIncidents} in ${c.previousPeriod})`
      : `${c.title}: ${incidents.label} ${incidents.now} (${incidents.change} vs ${c.previousPeriod})`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: cut(c.title, 150) } },
      context(`${mrk(c.covers)} · Scope: ${mrk(c.scope)}`),
      section(
        c.empty
          ? `*Headline numbers*\nNo incidents in this period (${mrk(c.previousIncidents)} in ${mrk(c.previousPeriod)}).`
          : `*Headline numbers* (${mrk(c.period)} vs ${mrk(c.previousPeriod)})\n${c.headline.map(bullet).join('\n')}`,
      ),
      ...(c.empty ? [] : [section(`*Closing the loop*\n${c.loop.map(bullet).join('\n')}`)]),
      section(`*What changed most*\n${c.changes.map((x) => `• ${mrk(x)}`).join('\n')}`),
      section(
        `*What to fix next*\n${c.fixNext.length ? c.fixNext.map((f) => `• *${mrk(f.title)}*: ${mrk(f.detail)}`).join('\n') : 'Nothing stands out.'}`,
      ),
      context(
        c.link
          ? `<${c.link}|Open the overview> · ${mrk(c.period)} (UTC)`
          : mrk(FOOTER_NO_LINK).replace('HINDSIGHT_PUBLIC_URL', '`HINDSIGHT_PUBLIC_URL`'),
      ),
    ],
  };
}
