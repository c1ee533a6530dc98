import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { adminToken, BrowserPage, signedInBrowser } from './chromium';
import { startServer, StartedServer } from './server';

/** Incidents, services and action items on demo data: the export, counts that add up, nothing wider than a phone. */
describe('incident, service and action-item lists in Chromium', () => {
  let server: StartedServer;
  let browser: BrowserPage;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    server = await startServer();
    token = await adminToken(server.url);
    browser = await signedInBrowser(server.url, { width: 1440, height: 900 });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('exports the filtered incident list as a CSV that re-imports unchanged', async () => {
    await page.goto(`${server.url}/incidents?period=all&severity=SEV1,SEV2`);
    const total = page.locator('.filter-bar.secondary .muted', { hasText: /^\d[\d,]* incidents?$/ });
    await total.waitFor({ timeout: 30_000 });
    const shown = Number((await total.innerText()).replace(/\D/g, ''));
    expect(shown).toBeGreaterThan(0);
    // The status and the two durations are named for what they are.
    const headers = await page.locator('table thead th').allInnerTexts();
    expect(headers.map((h) => h.replace(/[▲▼↕]/g, '').trim())).toEqual(expect.arrayContaining(['Status', 'Time to resolve', 'Downtime']));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('incidents.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    const header = csv.split('\n')[0];
    expect(header).toContain('severity');
    // One row per incident in the list (the file is the filtered list, not everything).
    const res = await fetch(`${server.url}/api/import?format=CSV&dryRun=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(res.status).toBe(200);
    const result = await res.json();
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: shown, errorCount: 0 });
  });

  it('adds up the action items on one screen: open + done + won’t do = all, one overdue number', async () => {
    await page.goto(`${server.url}/action-items`);
    const sum = page.getByText(/open \+ .* done \+ .* won’t do = .* items/);
    await sum.waitFor({ timeout: 30_000 });
    const [open, done, wontDo, all] = ((await sum.innerText()).match(/[\d,]+/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
    expect(open + done + wontDo).toBe(all);
    const kpi = async (label: string) =>
      Number(
        (
          await page
            .locator('.kpi-card', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
            .locator('dd')
            .innerText()
        ).replace(/,/g, ''),
      );
    const overdue = await kpi('of which overdue');
    expect(await kpi('Open')).toBe(open);
    expect(await kpi('Won’t do')).toBe(wontDo);
    // The view button, the by-owner total and the card say the same overdue number.
    expect(await page.getByRole('button', { name: /^Overdue/ }).innerText()).toBe(`Overdue ${overdue}`);
    expect(await page.locator('tfoot td').nth(1).innerText()).toBe(String(overdue));
    // Paged: at most 25 rows of the open list at once.
    expect(await page.locator('.items-table tbody tr').count()).toBeLessThanOrEqual(25);
    await page.getByRole('button', { name: /^Won’t do/ }).click();
    await page.getByRole('heading', { name: `Won’t do items (${wontDo})` }).waitFor();
  });

  it('shows budget overruns as multiples and links each service to its incidents', async () => {
    await page.goto(`${server.url}/services?period=all`);
    await page.locator('.services-table tbody tr').first().waitFor({ timeout: 30_000 });
    const labels = await page.locator('.budget-label').allInnerTexts();
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) expect(l).toMatch(/^(\d+ % of budget|[\d,.]+× budget)$/);
    const first = page.locator('.services-table tbody th a').first();
    const name = await first.innerText();
    await first.click();
    await page.waitForURL(/\/incidents\?.*service=\d+/);
    await page.locator('table tbody tr').first().waitFor({ timeout: 30_000 });
    const services = await page.locator('table tbody tr td:nth-child(4)').allInnerTexts();
    for (const s of services) expect(s).toContain(name);
  });

  it('keeps the three pages within a 390 px screen; tables scroll in their own box', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const p of ['/incidents?period=all', '/services', '/action-items']) {
      await page.goto(`${server.url}${p}`);
      await page.locator('table tbody tr').first().waitFor({ timeout: 30_000 });
      expect({ p, width: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ p, width: 390 });
    }
  });
});
