import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import {
  executiveSummary,
  fmtBudget,
  fmtMinutes,
  fmtPct,
  fixNotHeldRows,
  gapsInOrder,
  headline,
  loopRows,
  MetricsJson,
  MINUS,
  overdueReviewRows,
  ReportData,
} from './report-data';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
const INK = '#1f2933';
const MUTED = '#52606d'; // 6.3:1 on white
const ACCENT = '#1d4ed8';
const ACCENT2 = '#b45309';
const GOOD = '#15803d';
const BAD = '#b91c1c';
const RULE = '#cbd2d9';
const BAND = '#f0f4f8';
const MARGIN = 50;
const WIDTH = 595.28 - 2 * MARGIN; // A4
const BODY = 'Body';
const BOLD = 'Bold';
/** The API's small-sample rule (DurationStat.smallSample), in words; the flags themselves come from the API. */
const SMALL = 5;
/** How much each chart shows; the tables below them have every row. */
const PARETO_BARS = 8;
const SLO_BARS = 20;
const GAP_ROWS = 18;

/**
 * The report's font: DejaVu Sans (regular and bold), shipped in api/assets/fonts with its licence.
 * The PDF base fonts are WinAnsi only: no U+2212 minus, no ≥, no non-Latin names. Found by walking up
 * from this file, so the same lookup works from src/ (tests) and from dist/api/src/ (the build).
 */
const FONT_FILES = { [BODY]: 'DejaVuSans.ttf', [BOLD]: 'DejaVuSans-Bold.ttf' };
let fonts: Record<string, Buffer> | null = null;
function reportFonts(): Record<string, Buffer> {
  if (fonts) return fonts;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'assets', 'fonts');
    if (existsSync(join(candidate, FONT_FILES[BODY]))) {
      fonts = Object.fromEntries(Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(join(candidate, file))]));
      return fonts;
    }
    if (dirname(dir) === dir) throw new Error(`report font not found: api/assets/fonts/${FONT_FILES[BODY]}`);
  }
}

/** What every drawing helper needs: the document and the structure element headings and figures hang from. */
interface Ctx {
  doc: Doc;
  root: Struct;
}

/** Adds content drawn by `draw` to the structure tree as `type` (H1, H2, P, Figure...). */
function tagged(c: Ctx, type: string, draw: () => void, options: PDFKit.Mixins.StructureElementOptions = {}): void {
  c.root.add(c.doc.struct(type, options, draw));
}

/** The quarterly report as a tagged PDF (embedded Unicode font, vector charts, page numbers). Resolves to the file's bytes. */
export function reportPdf(d: ReportData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en',
    displayTitle: true,
    info: { Title: `Reliability report ${d.quarter}`, Author: 'Hindsight' },
  });
  for (const [name, data] of Object.entries(reportFonts())) doc.registerFont(name, data);
  doc.font(BODY);
  const chunks: Buffer[] = [];
  doc.on('data', (ch: Buffer) => chunks.push(ch));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const c: Ctx = { doc, root };
  const m = d.metrics;

  summaryPage(c, d);

  doc.addPage();
  heading(c, 'Headline numbers');
  table(c, ['Metric', d.quarter, d.previousQuarter, 'Change'], headline(d, MINUS), [200, 95, 95, 105]);
  if (m.timeToResolve.smallSample) note(c, `Small sample: time to resolve over ${m.timeToResolve.count} incidents (fewer than ${SMALL}).`);

  heading(c, 'MTTR trend: time to resolve by week', 260);
  trendChart(c, d);

  heading(c, 'Root causes (Pareto)', Math.min(m.byRootCause.length, PARETO_BARS + 1) * 17 + 50);
  paretoChart(c, m);
  table(
    c,
    ['Cause', 'Incidents', 'Share', 'Cumulative', 'Downtime', 'Median TTR'],
    m.byRootCause.map((r) => [
      r.name,
      String(r.incidentCount),
      fmtPct(r.share),
      fmtPct(r.cumulativeShare),
      fmtMinutes(r.downtimeMinutes),
      fmtMinutes(r.timeToResolve.medianMinutes),
    ]),
    [165, 60, 60, 70, 70, 70],
  );

  heading(c, 'Availability per service against SLO', Math.min(m.services.length, SLO_BARS) * 17 + 60);
  availabilityChart(c, m);
  table(
    c,
    ['Service', 'Incidents', 'Downtime', 'Availability', 'SLO', 'Error budget used'],
    m.services.map((s) => [
      s.service.name,
      String(s.incidentCount),
      fmtMinutes(s.downtimeMinutes),
      `${s.availability.toFixed(3)} %`,
      `${s.slo} %`,
      fmtBudget(s.errorBudgetUsed),
    ]),
    [140, 55, 75, 80, 55, 90],
  );

  heading(
    c,
    'Redundancy gaps (uncovered first)',
    110 + Math.min(new Set(m.redundancyGaps.map((g) => g.service.id)).size, GAP_ROWS) * 18 + 50,
  );
  gapMatrix(c, m);
  table(
    c,
    ['Service', 'Mechanism', 'Gaps', 'Downtime', 'Covered'],
    gapsInOrder(m).map((g) => [
      g.service.name,
      g.mechanism.name,
      String(g.gapCount),
      fmtMinutes(g.downtimeMinutes),
      g.covered ? 'yes' : 'NO',
    ]),
    [140, 165, 50, 80, 60],
  );

  heading(c, 'Largest incidents');
  table(
    c,
    ['Incident', 'Title', 'Severity', 'Downtime', 'Status'],
    d.largestIncidents.map((i) => [i.key, i.title, i.severity, fmtMinutes(i.downtimeMinutes), i.status]),
    [60, 210, 55, 85, 85],
  );

  heading(c, 'Action-item progress');
  const a = m.actionItems;
  const pa = d.previous?.actionItems;
  table(
    c,
    ['', d.quarter, d.previousQuarter],
    [
      ['Opened', String(a.opened), String(pa?.opened ?? '–')],
      ['Done', String(a.done), String(pa?.done ?? '–')],
      ['Open', String(a.open), String(pa?.open ?? '–')],
      ['Overdue', String(a.overdue), String(pa?.overdue ?? '–')],
      ['Median days to done', a.medianDaysToDone?.toFixed(1) ?? '–', pa?.medianDaysToDone?.toFixed(1) ?? '–'],
      ['Incidents with all items done', fmtPct(a.incidentsAllDoneShare), fmtPct(pa?.incidentsAllDoneShare)],
    ],
    [215, 140, 140],
  );

  heading(c, 'Closing the loop: reviews and repeats');
  table(c, ['', d.quarter, d.previousQuarter, 'Change'], loopRows(d, MINUS), [175, 110, 110, 100]);
  if (m.reviews.smallSample) note(c, `Small sample: ${m.reviews.required} required reviews (fewer than ${SMALL}).`);
  const overdue = overdueReviewRows(d);
  if (overdue.length) {
    heading(c, 'Overdue reviews (most overdue first)');
    table(c, ['Incident', 'Title', 'Due'], overdue, [70, 330, 95]);
  }
  heading(c, 'Fixes that did not hold');
  const notHeld = fixNotHeldRows(d);
  if (notHeld.length) table(c, ['Prevention done', 'Cause', 'Services', 'Incidents after it'], notHeld, [170, 110, 105, 110]);
  else note(c, 'None: no done prevention item was followed by its cause on the same service in this period.');

  doc.addPage();
  heading(c, 'Metric definitions');
  for (const { name, formula } of d.definitions)
    tagged(c, 'P', () => {
      doc.font(BOLD).fontSize(10).fillColor(INK).text(name, MARGIN);
      doc.font(BODY).fontSize(10).fillColor(MUTED).text(formula, MARGIN).moveDown(0.5);
    });
  root.end();

  // page numbers on every page, marked as pagination artifacts (not read aloud as content)
  const range = doc.bufferedPageRange();
  for (let n = range.start; n < range.start + range.count; n++) {
    doc.switchToPage(n);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font(BODY)
      .fontSize(8)
      .fillColor(MUTED)
      .text(`Hindsight · Reliability report ${d.quarter} · Page ${n + 1} of ${range.count}`, MARGIN, doc.page.height - 30, {
        width: WIDTH,
        align: 'center',
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** Page one: what a reader forwards — scope, headline figures, what changed, what to fix next. */
function summaryPage(c: Ctx, d: ReportData): void {
  const { doc } = c;
  const s = executiveSummary(d, MINUS);
  doc.markContent('Artifact', { type: 'Layout' });
  doc.rect(0, 0, doc.page.width, 8).fill(ACCENT);
  doc.endMarkedContent();
  doc.y = MARGIN - 10;
  tagged(c, 'P', () => doc.font(BODY).fontSize(10).fillColor(MUTED).text('Hindsight', MARGIN));
  tagged(c, 'H1', () => doc.font(BOLD).fontSize(24).fillColor(INK).text(`Reliability report ${d.quarter}`, MARGIN));
  tagged(c, 'P', () => {
    doc.font(BODY).fontSize(9.5).fillColor(MUTED).text(s.scope, MARGIN, doc.y, { width: WIDTH });
    doc.text(`Generated ${d.generatedAt.replace('T', ' ').slice(0, 16)} UTC.`, MARGIN);
  });

  heading(c, 'Executive summary');
  // the headline figures as a 2 × 2 grid of tiles
  const tileW = (WIDTH - 12) / 2;
  const tileH = 74;
  const top = doc.y + 2;
  s.figures.forEach((f, n) => {
    const x = MARGIN + (n % 2) * (tileW + 12);
    const y = top + Math.floor(n / 2) * (tileH + 10);
    doc.markContent('Artifact', { type: 'Layout' });
    doc.roundedRect(x, y, tileW, tileH, 4).fill(BAND);
    doc.endMarkedContent();
    tagged(c, 'P', () => {
      doc
        .font(BODY)
        .fontSize(9)
        .fillColor(MUTED)
        .text(f.label, x + 10, y + 8, { width: tileW - 20 });
      doc
        .font(BOLD)
        .fontSize(17)
        .fillColor(INK)
        .text(f.value, x + 10, y + 20, { width: tileW - 20, lineBreak: false });
      doc
        .font(BODY)
        .fontSize(8)
        .fillColor(MUTED)
        .text(f.detail, x + 10, y + 44, { width: tileW - 20, height: tileH - 46, ellipsis: true });
    });
  });
  doc.x = MARGIN;
  doc.y = top + 2 * (tileH + 10);

  subheading(c, `What changed since ${d.previousQuarter}`);
  for (const line of s.changes) bullet(c, '•', line);

  subheading(c, 'What to fix next');
  if (!s.fixNext.length) bullet(c, '•', 'Nothing stands out: no uncovered redundancy gap, no cause with downtime, no overdue action item.');
  s.fixNext.forEach((f, n) =>
    bullet(c, `${n + 1}.`, f.title, `${f.kind === 'GAP' ? 'Redundancy gap · ' : f.kind === 'CAUSE' ? 'Root cause · ' : ''}${f.detail}`),
  );

  doc.moveDown(0.8);
  tagged(c, 'P', () =>
    doc
      .font(BODY)
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        'Gaps are ranked by the downtime of the incidents that had them, causes by their downtime. Every number here is the one the following pages show; the definitions are on the last page.',
        MARGIN,
        doc.y,
        { width: WIDTH },
      ),
  );
}

function bullet(c: Ctx, mark: string, text: string, detail?: string): void {
  const { doc } = c;
  ensureRoom(c, 30);
  const y = doc.y + 3;
  tagged(c, 'P', () => {
    doc
      .font(detail ? BOLD : BODY)
      .fontSize(10)
      .fillColor(INK)
      .text(mark, MARGIN, y, { width: 16, lineBreak: false });
    doc.text(text, MARGIN + 18, y, { width: WIDTH - 18 });
    if (detail)
      doc
        .font(BODY)
        .fontSize(8.5)
        .fillColor(MUTED)
        .text(detail, MARGIN + 18, doc.y + 1, { width: WIDTH - 18 });
  });
  doc.x = MARGIN;
}

function ensureRoom(c: Ctx, height: number): void {
  if (c.doc.y + height > c.doc.page.height - c.doc.page.margins.bottom) c.doc.addPage();
}

/** A section heading, on a new page when `keep` points of what follows would not fit under it. */
function heading(c: Ctx, text: string, keep = 60): void {
  ensureRoom(c, 40 + keep);
  const { doc } = c;
  doc.moveDown(0.8);
  tagged(c, 'H2', () => doc.font(BOLD).fontSize(15).fillColor(INK).text(text, MARGIN));
  doc.moveDown(0.3);
}

function subheading(c: Ctx, text: string): void {
  ensureRoom(c, 50);
  const { doc } = c;
  doc.moveDown(0.6);
  tagged(c, 'H3', () => doc.font(BOLD).fontSize(12).fillColor(INK).text(text, MARGIN));
  doc.moveDown(0.15);
}

function note(c: Ctx, text: string): void {
  const { doc } = c;
  doc.moveDown(0.3);
  tagged(c, 'P', () => doc.font(BODY).fontSize(8.5).fillColor(MUTED).text(text, MARGIN, doc.y, { width: WIDTH }));
}

/**
 * A table with a shaded header (repeated after a page break) and banded rows; cells wrap. Tagged as a
 * PDF table (Table › TR › TH/TD); page breaks fall between rows, outside any marked content.
 */
function table(c: Ctx, head: string[], rows: string[][], widths: number[]): void {
  const { doc } = c;
  const pad = 4;
  const total = widths.reduce((a, b) => a + b, 0);
  const struct = doc.struct('Table');
  c.root.add(struct);
  const drawRow = (cells: string[], header: boolean, band: boolean) => {
    doc.font(header ? BOLD : BODY).fontSize(8.5);
    const h = Math.max(...cells.map((t, n) => doc.heightOfString(t, { width: widths[n] - 2 * pad }))) + 2 * pad;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!header) drawRow(head, true, false);
      doc.font(BODY).fontSize(8.5);
    }
    const y = doc.y;
    if (header || band) doc.rect(MARGIN, y, total, h).fill(header ? '#dbe4ee' : BAND);
    const tr = doc.struct('TR');
    struct.add(tr);
    let x = MARGIN;
    cells.forEach((t, n) => {
      const left = x;
      tr.add(
        doc.struct(header ? 'TH' : 'TD', {}, () => {
          doc.fillColor(t === 'NO' ? BAD : INK).text(t, left + pad, y + pad, { width: widths[n] - 2 * pad });
        }),
      );
      x += widths[n];
    });
    tr.end();
    doc.y = y + h;
    doc.x = MARGIN;
  };
  drawRow(head, true, false);
  rows.forEach((r, n) => drawRow(r, false, n % 2 === 1));
  struct.end();
  if (!rows.length) {
    note(c, 'None in this period.');
    doc.moveDown(0.5);
    return;
  }
  doc
    .strokeColor(RULE)
    .lineWidth(0.5)
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + total, doc.y)
    .stroke();
  doc.moveDown(0.5);
}

/** Round ticks from 0 covering `max`: steps of 1, 2, 2.5 or 5 × 10^k, four or five of them. */
function axisTicks(max: number, integer = false): number[] {
  const raw = integer ? Math.max(1, Math.ceil(max / 4)) : max / 4 || 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * p).find((s) => s >= raw - 1e-9) ?? raw;
  const ticks = [0];
  while (ticks[ticks.length - 1] < max - 1e-9) ticks.push(ticks.length * step);
  if (ticks.length === 1) ticks.push(step);
  return ticks;
}

const tickText = (t: number) => String(Math.round(t * 1000) / 1000);

/** Minutes, hours or days, whichever reads best for values up to `maxMinutes`. */
function durationUnit(maxMinutes: number): { unit: string; per: number } {
  if (maxMinutes < 120) return { unit: 'min', per: 1 };
  if (maxMinutes < 72 * 60) return { unit: 'h', per: 60 };
  return { unit: 'd', per: 1440 };
}

/** `text` cut to fit `width` at the current font, with an ellipsis. */
function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let t = text;
  while (t.length > 1 && doc.widthOfString(`${t}…`) > width) t = t.slice(0, -1);
  return `${t.trimEnd()}…`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const shortDate = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}`;

/**
 * Median and mean time to resolve per week of the quarter. Weeks without a resolved incident break
 * the lines (no line is drawn across them); points over fewer than 5 incidents are hollow; n under each week.
 */
function trendChart(c: Ctx, d: ReportData): void {
  const { doc } = c;
  const points = d.metrics.trend.map((p) => ({
    label: shortDate(p.periodStart),
    n: p.timeToResolve.count,
    small: p.timeToResolve.smallSample,
    median: p.timeToResolve.medianMinutes,
    mean: p.timeToResolve.meanMinutes,
  }));
  const before = d.previous?.timeToResolve.medianMinutes ?? null;
  const values = points.flatMap((p) => [p.median, p.mean]).filter((v): v is number => v !== null);
  if (!values.length) {
    note(c, 'No incident of this period is resolved: no trend to draw.');
    return;
  }
  const w = 440;
  const h = 170;
  ensureRoom(c, h + 90);
  const { unit, per } = durationUnit(Math.max(...values, before ?? 0));
  const ticks = axisTicks(Math.max(...values, before ?? 0) / per);
  const top = ticks[ticks.length - 1];
  const x0 = MARGIN + 45;
  const y0 = doc.y + 8;
  const slot = w / points.length;
  const px = (n: number) => x0 + slot * (n + 0.5);
  const py = (minutes: number) => y0 + h - (minutes / per / top) * h;
  const alt = `Line chart of the weekly median and mean time to resolve in ${unit}; ${points.filter((p) => p.median !== null).length} of ${points.length} weeks have a resolved incident.`;
  tagged(
    c,
    'Figure',
    () => {
      doc.font(BODY).fontSize(7.5).lineWidth(0.5);
      for (const t of ticks) {
        const y = y0 + h - (t / top) * h;
        doc
          .strokeColor(RULE)
          .moveTo(x0, y)
          .lineTo(x0 + w, y)
          .stroke();
        doc.fillColor(MUTED).text(tickText(t), x0 - 34, y - 3.5, { width: 30, align: 'right', lineBreak: false });
      }
      // y-axis title, rotated
      doc.save().rotate(-90, { origin: [MARGIN, y0 + h / 2] });
      doc
        .fontSize(8)
        .fillColor(INK)
        .text(`Time to resolve (${unit})`, MARGIN - 60, y0 + h / 2 - 4, { width: 120, align: 'center', lineBreak: false });
      doc.restore();
      points.forEach((p, n) => {
        const show = points.length <= 14 || n % 2 === 0;
        doc.fontSize(7).fillColor(MUTED);
        if (show) doc.text(p.label, px(n) - slot, y0 + h + 4, { width: 2 * slot, align: 'center', lineBreak: false });
        doc
          .fillColor(p.small ? MUTED : INK)
          .text(`n=${p.n}`, px(n) - slot, y0 + h + 14, { width: 2 * slot, align: 'center', lineBreak: false });
      });
      doc
        .fontSize(8)
        .fillColor(INK)
        .text('Week starting (UTC); n = resolved incidents that week', x0, y0 + h + 26, { width: w, align: 'center', lineBreak: false });
      if (before !== null) {
        doc.strokeColor(MUTED).lineWidth(0.8).dash(1.5, { space: 2 });
        doc
          .moveTo(x0, py(before))
          .lineTo(x0 + w, py(before))
          .stroke()
          .undash();
      }
      const series = (pick: (p: (typeof points)[number]) => number | null, color: string, dash: boolean) => {
        doc.strokeColor(color).lineWidth(1.6);
        if (dash) doc.dash(4, { space: 3 });
        let prev: number | null = null;
        points.forEach((p, n) => {
          const v = pick(p);
          // only consecutive weeks are joined: an empty week breaks the line
          if (v !== null && prev !== null)
            doc
              .moveTo(px(n - 1), py(prev))
              .lineTo(px(n), py(v))
              .stroke();
          prev = v;
        });
        doc.undash();
        points.forEach((p, n) => {
          const v = pick(p);
          if (v === null) return;
          if (p.small) doc.lineWidth(1.2).circle(px(n), py(v), 2.6).fillAndStroke('#ffffff', color);
          else doc.circle(px(n), py(v), 2.6).fill(color);
        });
      };
      series((p) => p.mean, ACCENT2, true);
      series((p) => p.median, ACCENT, false);
      // legend
      const ly = y0 + h + 42;
      let lx = x0;
      const key = (draw: () => void, text: string) => {
        draw();
        doc
          .fontSize(8)
          .fillColor(INK)
          .text(text, lx + 16, ly - 3.5, { lineBreak: false });
        lx += 16 + doc.widthOfString(text) + 14;
      };
      key(
        () =>
          doc
            .lineWidth(1.6)
            .strokeColor(ACCENT)
            .moveTo(lx, ly)
            .lineTo(lx + 12, ly)
            .stroke(),
        'median',
      );
      key(
        () =>
          doc
            .lineWidth(1.6)
            .strokeColor(ACCENT2)
            .dash(4, { space: 3 })
            .moveTo(lx, ly)
            .lineTo(lx + 12, ly)
            .stroke()
            .undash(),
        'mean',
      );
      key(
        () =>
          doc
            .lineWidth(1.2)
            .circle(lx + 6, ly, 2.6)
            .fillAndStroke('#ffffff', ACCENT),
        `fewer than ${SMALL} incidents`,
      );
      if (before !== null)
        key(
          () =>
            doc
              .strokeColor(MUTED)
              .lineWidth(0.8)
              .dash(1.5, { space: 2 })
              .moveTo(lx, ly)
              .lineTo(lx + 12, ly)
              .stroke()
              .undash(),
          `median of ${d.previousQuarter}: ${fmtMinutes(before)}`,
        );
    },
    { alt },
  );
  doc.x = MARGIN;
  doc.y = y0 + h + 56;
}

/** Incidents per primary cause as horizontal bars, largest first, with share and running share; the tail folded into "Other". */
function paretoChart(c: Ctx, m: MetricsJson): void {
  const { doc } = c;
  if (!m.byRootCause.length) {
    note(c, 'No incident of this period has a primary cause.');
    return;
  }
  const rows = m.byRootCause
    .slice(0, PARETO_BARS)
    .map((r) => ({ label: r.name, count: r.incidentCount, share: r.share, cumulative: r.cumulativeShare }));
  const rest = m.byRootCause.slice(PARETO_BARS);
  if (rest.length)
    rows.push({
      label: `Other (${rest.length} causes)`,
      count: rest.reduce((a, r) => a + r.incidentCount, 0),
      share: rest.reduce((a, r) => a + r.share, 0),
      cumulative: rest[rest.length - 1].cumulativeShare,
    });
  const labelW = 150;
  const valueW = 120;
  const w = WIDTH - labelW - valueW;
  const rowH = 17;
  const h = rows.length * rowH;
  ensureRoom(c, h + 50);
  const x0 = MARGIN + labelW;
  const y0 = doc.y + 6;
  const ticks = axisTicks(Math.max(...rows.map((r) => r.count)), true);
  const top = ticks[ticks.length - 1];
  tagged(
    c,
    'Figure',
    () => {
      doc.font(BODY).fontSize(7.5).lineWidth(0.5);
      for (const t of ticks) {
        const x = x0 + (t / top) * w;
        doc
          .strokeColor(RULE)
          .moveTo(x, y0)
          .lineTo(x, y0 + h)
          .stroke();
        doc.fillColor(MUTED).text(tickText(t), x - 15, y0 + h + 3, { width: 30, align: 'center', lineBreak: false });
      }
      rows.forEach((r, n) => {
        const y = y0 + n * rowH;
        doc.font(BODY).fontSize(8).fillColor(INK);
        doc.text(fit(doc, r.label, labelW - 8), MARGIN, y + 4.5, { width: labelW - 8, align: 'right', lineBreak: false });
        doc.rect(x0, y + 3, Math.max(0.5, (r.count / top) * w), rowH - 6).fill(n === rows.length - 1 && rest.length ? MUTED : ACCENT);
        doc
          .fillColor(INK)
          .fontSize(7.5)
          .text(`${r.count} · ${fmtPct(r.share, 0)} · cum. ${fmtPct(r.cumulative, 0)}`, x0 + w + 6, y + 5, {
            width: valueW - 6,
            lineBreak: false,
          });
      });
      doc
        .fontSize(8)
        .fillColor(INK)
        .text('Incidents by primary cause (share of all incidents · running share)', x0, y0 + h + 14, {
          width: w + valueW,
          lineBreak: false,
        });
    },
    { alt: `Bar chart of incidents per primary cause, ${rows.length} bars, largest first.` },
  );
  doc.x = MARGIN;
  doc.y = y0 + h + 32;
}

/** Availability per service as bars on a zoomed percentage axis, with each service's SLO as a mark; worst first. */
function availabilityChart(c: Ctx, m: MetricsJson): void {
  const { doc } = c;
  if (!m.services.length) {
    note(c, 'No service in scope.');
    return;
  }
  const rows = [...m.services].sort((a, b) => b.errorBudgetUsed - a.errorBudgetUsed || a.availability - b.availability).slice(0, SLO_BARS);
  const low = Math.min(...rows.map((r) => Math.min(r.availability, r.slo)));
  const step = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 25].find((s) => (100 - low) / s <= 5) ?? 25;
  let from = Math.floor(low / step) * step;
  if (from >= low - 1e-9) from -= step;
  from = Math.max(0, from);
  const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const labelW = 120;
  const valueW = 170;
  const w = WIDTH - labelW - valueW;
  const rowH = 17;
  const h = rows.length * rowH;
  ensureRoom(c, h + 60);
  const x0 = MARGIN + labelW;
  const y0 = doc.y + 6;
  const px = (pct: number) => x0 + ((Math.max(pct, from) - from) / (100 - from)) * w;
  tagged(
    c,
    'Figure',
    () => {
      doc.font(BODY).fontSize(7.5).lineWidth(0.5);
      for (let t = from; t <= 100 + 1e-9; t += step) {
        doc
          .strokeColor(RULE)
          .moveTo(px(t), y0)
          .lineTo(px(t), y0 + h)
          .stroke();
        doc.fillColor(MUTED).text(`${t.toFixed(digits)}`, px(t) - 18, y0 + h + 3, { width: 36, align: 'center', lineBreak: false });
      }
      rows.forEach((r, n) => {
        const y = y0 + n * rowH;
        doc.font(BODY).fontSize(8).fillColor(INK);
        doc.text(fit(doc, r.service.name, labelW - 8), MARGIN, y + 4.5, { width: labelW - 8, align: 'right', lineBreak: false });
        doc.rect(x0, y + 4, Math.max(0.5, px(r.availability) - x0), rowH - 8).fill(r.sloMet ? GOOD : BAD);
        doc
          .lineWidth(1.6)
          .strokeColor(INK)
          .moveTo(px(r.slo), y + 1)
          .lineTo(px(r.slo), y + rowH - 1)
          .stroke();
        doc
          .fontSize(7)
          .fillColor(r.sloMet ? INK : BAD)
          .text(`${r.availability.toFixed(3)} % · SLO ${r.slo} % · ${fmtBudget(r.errorBudgetUsed)}`, x0 + w + 6, y + 5, {
            width: valueW - 6,
            lineBreak: false,
          });
      });
      const ly = y0 + h + 20;
      doc
        .fontSize(8)
        .fillColor(INK)
        .text('Availability (%) in the period', x0, y0 + h + 13, { width: w, align: 'center', lineBreak: false });
      let lx = MARGIN;
      const key = (draw: () => void, text: string) => {
        draw();
        doc
          .fontSize(8)
          .fillColor(INK)
          .text(text, lx + 14, ly + 10, { lineBreak: false });
        lx += 14 + doc.widthOfString(text) + 16;
      };
      key(() => doc.rect(lx, ly + 11, 10, 7).fill(GOOD), 'within SLO');
      key(() => doc.rect(lx, ly + 11, 10, 7).fill(BAD), 'below SLO');
      key(
        () =>
          doc
            .lineWidth(1.6)
            .strokeColor(INK)
            .moveTo(lx + 5, ly + 9)
            .lineTo(lx + 5, ly + 20)
            .stroke(),
        'the service’s SLO',
      );
      if (m.services.length > SLO_BARS) key(() => undefined, `the ${SLO_BARS} services with the most budget used of ${m.services.length}`);
    },
    {
      alt: `Bar chart of availability against SLO for ${rows.length} services; ${m.services.filter((s) => s.sloMet).length} of ${m.services.length} within SLO.`,
    },
  );
  doc.x = MARGIN;
  doc.y = y0 + h + 44;
}

/** Services × mechanisms: the gap count in each cell, red when no open action item covers it. */
function gapMatrix(c: Ctx, m: MetricsJson): void {
  const { doc } = c;
  if (!m.redundancyGaps.length) {
    note(c, 'No redundancy gap (MISSING or FAILED assessment) in this period.');
    return;
  }
  const sumBy = (key: (g: MetricsJson['redundancyGaps'][number]) => string, val: (g: MetricsJson['redundancyGaps'][number]) => number) => {
    const out = new Map<string, number>();
    for (const g of m.redundancyGaps) out.set(key(g), (out.get(key(g)) ?? 0) + val(g));
    return [...out.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  };
  const MAX_COLS = 12;
  const allServices = sumBy(
    (g) => g.service.name,
    (g) => g.downtimeMinutes + g.gapCount,
  );
  const allMechanisms = sumBy(
    (g) => g.mechanism.name,
    (g) => g.gapCount,
  );
  const services = allServices.slice(0, GAP_ROWS);
  const mechanisms = allMechanisms.slice(0, MAX_COLS);
  const cell = new Map(m.redundancyGaps.map((g) => [`${g.service.name}\u0000${g.mechanism.name}`, g]));
  const labelW = 130;
  const colW = Math.min(44, (WIDTH - labelW) / mechanisms.length);
  const rowH = 18;
  doc.font(BODY).fontSize(7.5);
  const headH = Math.min(110, Math.max(...mechanisms.map((k) => doc.widthOfString(k))) * 0.72 + 12);
  ensureRoom(c, headH + services.length * rowH + 50);
  const x0 = MARGIN + labelW;
  const y0 = doc.y + 4 + headH;
  const maxCount = Math.max(...m.redundancyGaps.map((g) => g.gapCount));
  const shade = (n: number, covered: boolean) => {
    const k = maxCount > 1 ? (n - 1) / (maxCount - 1) : 1;
    const [from, to] = covered
      ? [
          [219, 228, 238],
          [147, 167, 191],
        ]
      : [
          [254, 226, 226],
          [248, 113, 113],
        ];
    return from.map((v, i) => Math.round(v + (to[i] - v) * k)) as [number, number, number];
  };
  tagged(
    c,
    'Figure',
    () => {
      mechanisms.forEach((k, n) => {
        const x = x0 + n * colW + colW / 2;
        doc.save().rotate(-45, { origin: [x, y0 - 4] });
        doc
          .font(BODY)
          .fontSize(7.5)
          .fillColor(INK)
          .text(fit(doc, k, 110), x, y0 - 8, { lineBreak: false });
        doc.restore();
      });
      services.forEach((s, r) => {
        const y = y0 + r * rowH;
        doc.font(BODY).fontSize(8).fillColor(INK);
        doc.text(fit(doc, s, labelW - 8), MARGIN, y + 5, { width: labelW - 8, align: 'right', lineBreak: false });
        mechanisms.forEach((k, n) => {
          const g = cell.get(`${s}\u0000${k}`);
          const x = x0 + n * colW;
          doc.lineWidth(0.5).rect(x, y, colW, rowH).stroke(RULE);
          if (!g) return;
          doc.rect(x + 1, y + 1, colW - 2, rowH - 2).fill(shade(g.gapCount, g.covered));
          doc
            .font(g.covered ? BODY : BOLD)
            .fontSize(8)
            .fillColor(INK)
            .text(String(g.gapCount), x, y + 5, { width: colW, align: 'center', lineBreak: false });
        });
      });
      const ly = y0 + services.length * rowH + 8;
      let lx = MARGIN;
      const key = (fill: [number, number, number] | null, text: string) => {
        if (fill) doc.rect(lx, ly, 12, 9).fill(fill);
        doc
          .font(BODY)
          .fontSize(8)
          .fillColor(INK)
          .text(text, lx + (fill ? 16 : 0), ly + 1, { lineBreak: false });
        lx += (fill ? 16 : 0) + doc.widthOfString(text) + 16;
      };
      key(shade(maxCount, false), 'uncovered: no open action item');
      key(shade(maxCount, true), 'covered by an open action item');
      const more =
        allServices.length > GAP_ROWS || allMechanisms.length > MAX_COLS
          ? ` Showing ${services.length} of ${allServices.length} services and ${mechanisms.length} of ${allMechanisms.length} mechanisms; the table below has every gap.`
          : '';
      doc
        .font(BODY)
        .fontSize(7.5)
        .fillColor(MUTED)
        .text(`The number in a cell is the count of gaps (MISSING or FAILED assessments); darker means more.${more}`, MARGIN, ly + 14, {
          width: WIDTH,
        });
    },
    {
      alt: `Matrix of redundancy gaps: ${services.length} services by ${mechanisms.length} mechanisms, ${m.redundancyGaps.filter((g) => !g.covered).length} uncovered.`,
    },
  );
  doc.x = MARGIN;
  doc.y = y0 + services.length * rowH + 46;
}
