import type { Locator } from 'playwright-core';
import { BrowserPage, signedInBrowser } from './chromium';
import { startServer, StartedServer } from './server';

/** The chart card whose heading starts with `title`. */
function card(page: BrowserPage['page'], title: string): Locator {
  return page.locator('section.chart-card').filter({ has: page.getByRole('heading', { name: new RegExp(`^${title}`) }) });
}

/** The rows of a card's data table (opened first), as text cells. */
async function tableOf(c: Locator): Promise<{ head: string[]; rows: string[][]; links: (string | null)[] }> {
  await c.locator('details.chart-data summary').click();
  const table = c.locator('details.chart-data table');
  await table.waitFor();
  return table.evaluate((t) => ({
    head: [...t.querySelectorAll('thead th')].map((th) => th.textContent!.trim()),
    rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())),
    links: [...t.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('a')?.getAttribute('href') ?? null),
  }));
}

/** "n = 1,234 …" of a card's footer. */
async function sampleSize(c: Locator): Promise<number> {
  const text = await c.locator('.sample-size').innerText();
  return Number(/n = ([\d,]+)/.exec(text)![1].replace(/,/g, ''));
}

describe('the overview tells missing from failed redundancy and shows detection sources over time', () => {
  let server: StartedServer;
  let browser: BrowserPage | undefined;

  beforeAll(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('the gap heat-map splits each cell into missing and failed, names both in its legend and in its data table', async () => {
    browser = await signedInBrowser(server.url, { width: 1440, height: 900 });
    const { page } = browser;
    await page.goto(`${server.url}/`);
    const gaps = card(page, 'Redundancy gaps');
    await gaps.locator('.heatmap-cell:not(.empty)').first().waitFor({ timeout: 30_000 });

    const legend = gaps.getByRole('list', { name: 'Kinds of gap' });
    await expect(legend.innerText()).resolves.toMatch(/MISSING[\s\S]*did not have[\s\S]*FAILED[\s\S]*did not work/);
    const cellTexts = await gaps.locator('.heatmap-cell:not(.empty)').allInnerTexts();
    expect(cellTexts.length).toBeGreaterThan(0);
    for (const t of cellTexts) expect(t).toMatch(/^(\d+ missing)?\s*(\d+ failed)?\s*!?$/);
    expect(cellTexts.some((t) => /\d+ (missing|failed)/.test(t))).toBe(true);

    const table = await tableOf(gaps);
    expect(table.head).toEqual(['Service', 'Mechanism', 'Missing', 'Failed', 'Gaps', 'Downtime', 'Open action item']);
    expect(table.rows.length).toBe(cellTexts.length);
    // missing + failed = gaps in every row, and the rows add up to the card's n
    for (const [, , missing, failed, total] of table.rows) expect(Number(missing) + Number(failed)).toBe(Number(total));
    expect(table.rows.reduce((s, r) => s + Number(r[4]), 0)).toBe(await sampleSize(gaps));
    for (const href of table.links) expect(href).toMatch(/^\/incidents\?.*gap=/);
  });

  it('the detection trend draws stacked bars per period with axis titles, and its table adds up to n', async () => {
    browser = await signedInBrowser(server.url, { width: 1440, height: 900 });
    const { page } = browser;
    await page.goto(`${server.url}/`);
    const trend = card(page, 'Detection sources over time');
    await trend.locator('.recharts-bar-rectangle').first().waitFor({ timeout: 30_000 });
    // SVG text has no innerText: its textContent
    const labels = await trend.locator('.recharts-label').allTextContents();
    expect(labels).toContain('Share of incidents');
    expect(labels.some((l) => /^(Week starting|Month|Quarter)$/.test(l))).toBe(true);
    await expect(trend.locator('.chart-legend li').allInnerTexts()).resolves.toEqual(expect.arrayContaining(['Monitoring']));

    const table = await tableOf(trend);
    expect(table.head[0]).toBe('Period');
    expect(table.head.slice(-3)).toEqual(['Total', 'By monitoring', 'From outside']);
    expect(table.head).toContain('Monitoring');
    expect(table.rows.length).toBeGreaterThan(1);
    const sources = table.head.length - 4;
    for (const r of table.rows) {
      const counts = r.slice(1, 1 + sources).map(Number);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(Number(r[1 + sources]));
    }
    expect(table.rows.reduce((s, r) => s + Number(r[1 + sources]), 0)).toBe(await sampleSize(trend));
  });
});
