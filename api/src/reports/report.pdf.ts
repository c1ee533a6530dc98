import PDFDocument from 'pdfkit';
import { fmtMinutes, fmtPct, gapsInOrder, headline, METRIC_DEFINITIONS, ReportData } from './report-data';

type Doc = PDFKit.PDFDocument;
const INK = '#1f2933';
const MUTED = '#616e7c';
const ACCENT = '#2563eb';
const ACCENT2 = '#d97706';
const RULE = '#cbd2d9';
const BAND = '#f0f4f8';
const MARGIN = 50;

/** The quarterly report as a PDF (pdfkit, vector charts, page numbers). Resolves to the file's bytes. */
export function reportPdf(d: ReportData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `Reliability report ${d.quarter}`, Author: 'Hindsight' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const m = d.metrics;

  // title page
  doc.fillColor(ACCENT).rect(0, 0, doc.page.width, 12).fill();
  doc.moveDown(8).fillColor(MUTED).fontSize(14).text('Hindsight', { align: 'left' });
  doc.fillColor(INK).fontSize(32).font('Helvetica-Bold').text(`Reliability report ${d.quarter}`);
  doc
    .moveDown(0.5)
    .font('Helvetica')
    .fontSize(12)
    .fillColor(MUTED)
    .text(
      `Incidents that started from ${m.periodStart?.slice(0, 10) ?? '–'} to ${m.periodEnd.slice(0, 10)} (UTC, end exclusive), compared with ${d.previousQuarter}.`,
    );
  doc
    .moveDown(0.3)
    .text(`Generated ${d.generatedAt.replace('T', ' ').slice(0, 16)} UTC. Private incidents appear only for readers who may see them.`);
  doc.moveDown(3).fillColor(INK).fontSize(13).font('Helvetica-Bold').text('At a glance');
  doc.font('Helvetica').fontSize(12).moveDown(0.3);
  for (const [label, now, , delta] of headline(d).slice(0, 4)) doc.text(`${label}: ${now}   (${delta} vs ${d.previousQuarter})`);

  // headline
  doc.addPage();
  heading(doc, 'Headline numbers');
  table(doc, ['Metric', d.quarter, d.previousQuarter, 'Change'], headline(d), [200, 95, 95, 105]);
  if (m.timeToResolve.smallSample) note(doc, `Small sample: time to resolve over ${m.timeToResolve.count} incidents (fewer than 5).`);

  heading(doc, 'MTTR trend (weekly, minutes)');
  lineChart(
    doc,
    m.trend.map((p) => ({ label: p.periodStart.slice(5, 10), mean: p.timeToResolve.meanMinutes, median: p.timeToResolve.medianMinutes })),
  );

  doc.addPage();
  heading(doc, 'Root causes (Pareto)');
  paretoChart(
    doc,
    m.byRootCause.slice(0, 10).map((c) => ({ label: c.name, count: c.incidentCount, cumulative: c.cumulativeShare })),
  );
  table(
    doc,
    ['Cause', 'Incidents', 'Share', 'Cumulative', 'Downtime', 'Median TTR'],
    m.byRootCause.map((c) => [
      c.name,
      String(c.incidentCount),
      fmtPct(c.share),
      fmtPct(c.cumulativeShare),
      fmtMinutes(c.downtimeMinutes),
      fmtMinutes(c.timeToResolve.medianMinutes),
    ]),
    [165, 60, 60, 70, 70, 70],
  );

  heading(doc, 'Redundancy gaps (uncovered first)');
  table(
    doc,
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

  heading(doc, 'Availability per service against SLO');
  table(
    doc,
    ['Service', 'Incidents', 'Downtime', 'Availability', 'SLO', 'Budget used'],
    m.services.map((s) => [
      s.service.name,
      String(s.incidentCount),
      fmtMinutes(s.downtimeMinutes),
      `${s.availability.toFixed(3)} %`,
      `${s.slo} %`,
      fmtPct(s.errorBudgetUsed),
    ]),
    [150, 60, 75, 80, 55, 75],
  );

  heading(doc, 'Largest incidents');
  table(
    doc,
    ['Incident', 'Title', 'Severity', 'Downtime', 'Status'],
    d.largestIncidents.map((i) => [i.key, i.title, i.severity, fmtMinutes(i.downtimeMinutes), i.status]),
    [60, 210, 55, 85, 85],
  );

  heading(doc, 'Action-item progress');
  const a = m.actionItems;
  const pa = d.previous?.actionItems;
  table(
    doc,
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

  doc.addPage();
  heading(doc, 'Metric definitions');
  for (const [k, v] of METRIC_DEFINITIONS) {
    doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(k);
    doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(v).moveDown(0.5);
  }

  // page numbers on every page but the title page
  const range = doc.bufferedPageRange();
  for (let n = range.start + 1; n < range.start + range.count; n++) {
    doc.switchToPage(n);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(`Hindsight · Reliability report ${d.quarter} · Page ${n + 1} of ${range.count}`, MARGIN, doc.page.height - 30, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function heading(doc: Doc, text: string): void {
  ensureRoom(doc, 80);
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(15).fillColor(INK).text(text, MARGIN);
  doc.moveDown(0.3);
}

function note(doc: Doc, text: string): void {
  doc.moveDown(0.3).font('Helvetica-Oblique').fontSize(9).fillColor(MUTED).text(text, MARGIN);
}

/** A table with a shaded header (repeated after a page break) and banded rows; cells wrap. */
function table(doc: Doc, head: string[], rows: string[][], widths: number[]): void {
  const pad = 4;
  const drawRow = (cells: string[], header: boolean, band: boolean) => {
    doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const h = Math.max(...cells.map((c, n) => doc.heightOfString(c, { width: widths[n] - 2 * pad }))) + 2 * pad;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!header) drawRow(head, true, false);
      doc.font('Helvetica').fontSize(9);
    }
    const y = doc.y;
    if (header || band)
      doc
        .rect(
          MARGIN,
          y,
          widths.reduce((a, b) => a + b, 0),
          h,
        )
        .fill(header ? '#dbe4ee' : BAND);
    let x = MARGIN;
    cells.forEach((c, n) => {
      doc.fillColor(c === 'NO' ? '#b91c1c' : INK).text(c, x + pad, y + pad, { width: widths[n] - 2 * pad });
      x += widths[n];
    });
    doc.y = y + h;
    doc.x = MARGIN;
  };
  drawRow(head, true, false);
  if (!rows.length) {
    doc
      .font('Helvetica-Oblique')
      .fontSize(9)
      .fillColor(MUTED)
      .text('None in this quarter.', MARGIN + pad, doc.y + pad);
    doc.moveDown(0.5);
    return;
  }
  rows.forEach((r, n) => drawRow(r, false, n % 2 === 1));
  doc
    .strokeColor(RULE)
    .lineWidth(0.5)
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + widths.reduce((a, b) => a + b, 0), doc.y)
    .stroke();
  doc.moveDown(0.5);
}

function axisTicks(max: number, integer = false): number[] {
  const raw = integer ? Math.max(1, Math.ceil(max / 4)) : max / 4;
  const p = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * p).find((s) => s >= raw) ?? raw;
  return [0, 1, 2, 3, 4].map((k) => k * step);
}

/** Mean and median time to resolve per bucket, as two vector lines over a labelled grid. */
function lineChart(doc: Doc, points: Array<{ label: string; mean: number | null; median: number | null }>): void {
  const w = 480;
  const h = 180;
  ensureRoom(doc, h + 50);
  const x0 = MARGIN + 35;
  const y0 = doc.y + 10;
  const values = points.flatMap((p) => [p.mean, p.median]).filter((v): v is number => v !== null);
  if (!values.length) {
    note(doc, 'No resolved incidents in this quarter: no trend to draw.');
    return;
  }
  const ticks = axisTicks(Math.max(...values));
  const top = ticks[ticks.length - 1] || 1;
  const px = (n: number) => x0 + (points.length === 1 ? w / 2 : (n * w) / (points.length - 1));
  const py = (v: number) => y0 + h - (v / top) * h;
  doc.font('Helvetica').fontSize(7).lineWidth(0.5);
  for (const t of ticks) {
    doc
      .strokeColor(RULE)
      .moveTo(x0, py(t))
      .lineTo(x0 + w, py(t))
      .stroke();
    doc.fillColor(MUTED).text(String(Math.round(t * 10) / 10), MARGIN - 5, py(t) - 3, { width: 36, align: 'right', lineBreak: false });
  }
  points.forEach((p, n) => {
    if (points.length <= 14 || n % 2 === 0)
      doc.fillColor(MUTED).text(p.label, px(n) - 15, y0 + h + 4, { width: 30, align: 'center', lineBreak: false });
  });
  const series = (pick: (p: (typeof points)[number]) => number | null, color: string, dash: boolean) => {
    doc.strokeColor(color).fillColor(color).lineWidth(1.8);
    if (dash) doc.dash(4, { space: 3 });
    // weeks without a resolved incident have no value: the line joins the weeks that have one
    let open = false;
    points.forEach((p, n) => {
      const v = pick(p);
      if (v === null) return;
      if (open) doc.lineTo(px(n), py(v));
      else doc.moveTo(px(n), py(v));
      open = true;
    });
    doc.stroke().undash();
    points.forEach((p, n) => {
      const v = pick(p);
      if (v !== null) doc.circle(px(n), py(v), 2.2).fill(color);
    });
  };
  series((p) => p.mean, ACCENT, false);
  series((p) => p.median, ACCENT2, true);
  const ly = y0 + h + 18;
  doc.rect(x0, ly, 10, 3).fill(ACCENT);
  doc
    .fillColor(INK)
    .fontSize(8)
    .text('MTTR (mean)', x0 + 14, ly - 3, { lineBreak: false });
  doc.rect(x0 + 90, ly, 10, 3).fill(ACCENT2);
  doc.fillColor(INK).text('median', x0 + 104, ly - 3, { lineBreak: false });
  doc.y = ly + 14;
  doc.x = MARGIN;
}

/** Incidents per cause as bars (largest first) with the cumulative share as a line on a 0–100 % axis. */
function paretoChart(doc: Doc, bars: Array<{ label: string; count: number; cumulative: number }>): void {
  const w = 460;
  const h = 160;
  if (!bars.length) {
    note(doc, 'No incident has a primary cause in this quarter.');
    return;
  }
  ensureRoom(doc, h + 90);
  const x0 = MARGIN + 30;
  const y0 = doc.y + 10;
  const ticks = axisTicks(Math.max(...bars.map((b) => b.count)), true);
  const top = ticks[ticks.length - 1] || 1;
  const slot = w / bars.length;
  doc.font('Helvetica').fontSize(7).lineWidth(0.5);
  for (const t of ticks) {
    const y = y0 + h - (t / top) * h;
    doc
      .strokeColor(RULE)
      .moveTo(x0, y)
      .lineTo(x0 + w, y)
      .stroke();
    doc.fillColor(MUTED).text(String(Math.round(t * 10) / 10), MARGIN - 5, y - 3, { width: 30, align: 'right', lineBreak: false });
    doc.text(`${Math.round((t / top) * 100)} %`, x0 + w + 4, y - 3, { lineBreak: false });
  }
  bars.forEach((b, n) => {
    const bh = (b.count / top) * h;
    doc.rect(x0 + n * slot + slot * 0.15, y0 + h - bh, slot * 0.7, bh).fill(ACCENT);
    doc.save().fillColor(INK).fontSize(7);
    doc.rotate(-35, { origin: [x0 + n * slot + slot / 2, y0 + h + 6] });
    doc.text(b.label.length > 24 ? `${b.label.slice(0, 23)}…` : b.label, x0 + n * slot + slot / 2 - 90, y0 + h + 2, {
      width: 90,
      align: 'right',
      lineBreak: false,
    });
    doc.restore();
  });
  doc.strokeColor(ACCENT2).lineWidth(1.5);
  bars.forEach((b, n) => {
    const x = x0 + n * slot + slot / 2;
    const y = y0 + h - b.cumulative * h;
    if (n === 0) doc.moveTo(x, y);
    else doc.lineTo(x, y);
  });
  doc.stroke();
  bars.forEach((b, n) => doc.circle(x0 + n * slot + slot / 2, y0 + h - b.cumulative * h, 2.2).fill(ACCENT2));
  doc.y = y0 + h + 75;
  doc.x = MARGIN;
}
