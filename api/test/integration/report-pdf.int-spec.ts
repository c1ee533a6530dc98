import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIncident, createWorld, World } from '../factories/incidents';
import { startTestApp, TestApp } from '../harness';

const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** An incident that starts at `start` and is resolved `ttr` minutes later, mitigated 15 minutes before that. */
const timed = (start: string, ttr: number, detect: number, ack: number) => ({
  startedAt: start,
  detectedAt: at(start, detect),
  acknowledgedAt: at(start, ack),
  mitigatedAt: at(start, ttr - 15),
  resolvedAt: at(start, ttr),
});

/**
 * The quarterly PDF as a reader sees it, on hand-built data:
 * - 2026-Q1: 6 incidents of Playback API, each resolved after 240 min (mitigated after 225).
 * - 2026-Q2: 5 incidents resolved after 30, 60, 60, 90 and 120 min: median 60 min, mean 72 min,
 *   p90 108 min (continuous: 90 + 0.6 × 30). Three on Playback API (SLO 99.9 %: 105 min of downtime
 *   over 91 days = 131,040 min, 0.80 of its 131.04 min budget: within SLO); two on "Платёжный шлюз"
 *   (SLO 99.99 %: 180 min of downtime against a 13.104 min budget, 13.7 × — below SLO, the worst);
 *   Search API has none. One uncovered Multi-region gap on Playback API, one overdue action item.
 */
describe('quarterly report PDF (real PostgreSQL)', () => {
  let t: TestApp;
  let w: World;
  let dir: string;
  let file: string;
  let json: any;
  const get = async (query: string) => {
    const res = await fetch(`${t.url}/api/reports/quarterly?${query}`, { headers: { authorization: `Bearer ${w.token}` } });
    return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
  };
  const pdftotext = (first?: number, last?: number) =>
    execFileSync('pdftotext', ['-layout', ...(first ? ['-f', String(first), '-l', String(last ?? first)] : []), file, '-']).toString();
  /** One page's text in the order it was written (tile by tile), whitespace collapsed. */
  const pageText = (n: number) =>
    execFileSync('pdftotext', ['-raw', '-f', String(n), '-l', String(n), file, '-'])
      .toString()
      .replace(/\s+/g, ' ');

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t, 'Playback');
    const svc = async (name: string, slo: number) =>
      (
        await t.ok(
          `mutation($n:String!,$t:ID!,$s:Float!){ createService(input:{name:$n, teamId:$t, slo:$s}){ id } }`,
          { n: name, t: w.teamId, s: slo },
          w.token,
        )
      ).createService.id as string;
    const payments = await svc('Платёжный шлюз', 99.99);
    await svc('Search API', 99.5);
    const causes = (await t.ok(`{ rootCauses{ id name } }`, {}, w.token)).rootCauses as Array<{ id: string; name: string }>;
    const cause = (re: RegExp) => causes.find((c) => re.test(c.name))!.id;
    const config = cause(/^Configuration change/i);
    const deploy = cause(/^Deployment/i);
    const mechanisms = (await t.ok(`{ redundancyMechanisms{ id name } }`, {}, w.token)).redundancyMechanisms as Array<{
      id: string;
      name: string;
    }>;
    const multiRegion = mechanisms.find((k) => /^Multi-region/i.test(k.name))!.id;

    for (let k = 0; k < 6; k++) await createIncident(t, w, timed(at('2026-01-05T10:00:00Z', k * 7 * 1440), 240, 10, 20));
    const first = await createIncident(t, w, { ...timed('2026-04-06T10:00:00Z', 30, 5, 10), primaryCauseId: config });
    await createIncident(t, w, { ...timed('2026-04-20T10:00:00Z', 60, 5, 10), primaryCauseId: config });
    await createIncident(t, w, { ...timed('2026-05-11T10:00:00Z', 60, 5, 10), primaryCauseId: deploy });
    await createIncident(t, w, { ...timed('2026-05-25T10:00:00Z', 90, 5, 10), primaryCauseId: deploy, serviceIds: [payments] });
    await createIncident(t, w, { ...timed('2026-06-08T10:00:00Z', 120, 5, 10), serviceIds: [payments] });
    await t.ok(
      `mutation($i:AssessRedundancyInput!){ assessRedundancy(input:$i){ id } }`,
      { i: { incidentId: first.id, mechanismId: multiRegion, outcome: 'MISSING' } },
      w.token,
    );
    await t.ok(
      `mutation($i:CreateActionItemInput!){ createActionItem(input:$i){ id } }`,
      { i: { incidentId: first.id, title: 'Alert on config drift', type: 'DETECT', dueDate: '2026-05-01' } },
      w.token,
    );

    dir = mkdtempSync(join(tmpdir(), 'hindsight-report-pdf-'));
    file = join(dir, 'q2.pdf');
    const r = await get('quarter=2026-Q2&format=pdf');
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/pdf');
    writeFileSync(file, r.body);
    if (process.env.REPORT_PDF_OUT) writeFileSync(process.env.REPORT_PDF_OUT, r.body); // to look at it: pdftoppm -png -r 60
    json = JSON.parse((await get('quarter=2026-Q2&format=json')).body.toString());
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('the JSON report has the hand-computed numbers the PDF is checked against', () => {
    const m = json.metrics;
    expect(m.incidentCount).toBe(5);
    expect(json.previous.incidentCount).toBe(6);
    expect(m.timeToResolve).toMatchObject({ count: 5, medianMinutes: 60, meanMinutes: 72 });
    expect(m.timeToResolve.p90Minutes).toBeCloseTo(108, 9);
    expect(json.previous.timeToResolve).toMatchObject({ count: 6, medianMinutes: 240 });
    const payments = m.services.find((s: any) => s.service.name === 'Платёжный шлюз');
    expect(payments).toMatchObject({ sloMet: false, downtimeMinutes: 180 });
    expect(payments.errorBudgetUsed).toBeCloseTo(180 / 13.104, 9);
    expect(
      m.services
        .filter((s: any) => s.sloMet)
        .map((s: any) => s.service.name)
        .sort(),
    ).toEqual(['Playback API', 'Search API']);
    expect(m.redundancyGaps).toEqual([expect.objectContaining({ gapCount: 1, covered: false, downtimeMinutes: 15 })]);
    expect(m.actionItems.overdue).toBe(1);
  });

  it('page one is the executive summary with the JSON report’s numbers, what changed and what to fix next', () => {
    const p1 = pageText(1);
    expect(p1).toContain('Reliability report 2026-Q2');
    expect(p1).toContain('Executive summary');
    expect(p1).toContain('from 2026-04-01 to 2026-06-30 (UTC)');
    // headline figures: incidents, median with p90 and mean beside it, detect/acknowledge, SLO standing naming the worst
    expect(p1).toContain('Incidents 5 6 in 2026-Q1');
    expect(p1).toContain('Time to resolve (median) 1.00 h p90 1.80 h · mean 1.20 h · n = 5');
    expect(p1).toContain(
      'Time to detect / acknowledge (median) 5.0 min / 10.0 min p90 5.0 min / 10.0 min · n = 5 / 5 · to mitigate 45.0 min',
    );
    expect(p1).toContain('Services within SLO 2 of 3');
    expect(p1).toContain('worst: Платёжный шлюз, 99.863 % against 99.99 % (14× budget)');
    // what changed, worded plainly with n
    expect(p1).toContain('What changed since 2026-Q1');
    expect(p1).toContain('Median time to resolve fell from 4.00 h to 1.00 h (n = 5 vs 6).');
    expect(p1).toContain('What changed since 2026-Q1 • Incidents fell from 6 to 5 (−17 %).'); // the count leads
    // what to fix next: the uncovered gap, the causes by downtime, the overdue item
    expect(p1).toContain('What to fix next');
    expect(p1).toContain('1. Multi-region for Playback API');
    expect(p1).toContain('2. Deployment / release Root cause · 2.00 h of downtime over 2 incidents (40 % of incidents)');
    expect(p1).toContain('1 action item overdue');
    expect(p1.indexOf('What changed')).toBeLessThan(p1.indexOf('What to fix next'));
  });

  it('prints the real minus sign, budget overruns as multiples, and a sane number of pages with every section', () => {
    const text = pdftotext();
    // headline table: incidents 5 vs 6, a fall printed with U+2212 — not as a quote mark or a hyphen
    expect(text).toMatch(/Incidents\s+5\s+6\s+\u22121 \(\u221216\.7 %\)/);
    expect(text).not.toMatch(/['"]1 \(['"]16\.7 %\)/);
    expect(text).toMatch(/MTTR \(mean time to resolve\)\s+1\.20 h\s+4\.00 h\s+\u22122\.80 h \(\u221270\.0 %\)/);
    expect(text).toMatch(/Платёжный шлюз\s+2\s+3\.00 h\s+99\.863 %\s+99\.99 %\s+14× budget/);
    expect(text).toMatch(/Playback API\s+3\s+1\.75 h\s+99\.920 %\s+99\.9 %\s+80\.1 %/);
    expect(text).not.toMatch(/\d{4,}\.\d %/); // no five-digit percentages
    const info = execFileSync('pdfinfo', [file]).toString();
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(8);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    for (const section of [
      'MTTR trend',
      'Root causes (Pareto)',
      'Availability per service against SLO',
      'Redundancy gaps',
      'Metric definitions',
    ])
      expect(text).toContain(section);
    // the charts' axis titles and legends, in natural units
    expect(text).toContain('Time to resolve (h)');
    expect(text).toContain('Availability (%) in the period');
    expect(text).toContain('uncovered: no open action item');
  });

  it('embeds a Unicode font and tags its headings', () => {
    const fonts = execFileSync('pdffonts', [file]).toString();
    expect(fonts).toMatch(/DejaVuSans\s/);
    expect(fonts).not.toMatch(/Helvetica/);
    for (const line of fonts.split('\n').filter((l) => /DejaVu/.test(l))) expect(line).toMatch(/\byes\s+yes\s+yes\b/); // emb sub uni
    expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Tagged:\s+yes/);
    const struct = execFileSync('pdfinfo', ['-struct-text', file]).toString();
    expect(struct).toMatch(/H1[^\n]*\n\s*"Reliability report 2026-Q2"/);
    expect(struct).toMatch(/H2[^\n]*\n\s*"Executive summary"/);
    expect(struct).toMatch(/H2[^\n]*\n\s*"Metric definitions"/);
    expect(struct).toContain('Figure');
  });
});
