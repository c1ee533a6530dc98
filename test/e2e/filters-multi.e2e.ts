import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { adminToken, BrowserPage, eventually, signedInBrowser } from './chromium';
import { gql, ROOT, startServer, StartedServer } from './server';

const SHOTS = process.env.HINDSIGHT_SHOTS_DIR ?? path.join(ROOT, 'test-results');

/** Several teams and severities at once on demo data: the list and the overview count what the API counts for that filter. */
describe('multi-select filters in Chromium', () => {
  let server: StartedServer;
  let token: string;
  let browser: BrowserPage | undefined;

  beforeAll(async () => {
    server = await startServer();
    token = await adminToken(server.url);
    mkdirSync(SHOTS, { recursive: true });
  });

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  afterAll(async () => {
    await server?.stop();
  });

  const incidentTotal = async (filter: Record<string, unknown>) => {
    const r = await gql(server.url, 'query($f: IncidentFilter){ incidents(filter: $f, first: 1){ totalCount } }', { f: filter }, token);
    expect(r.errors).toBeUndefined();
    return r.data.incidents.totalCount as number;
  };
  const metricsCount = async (filter: Record<string, unknown>) => {
    const r = await gql(server.url, 'query($f: MetricsFilter){ reliabilityMetrics(filter: $f){ incidentCount } }', { f: filter }, token);
    expect(r.errors).toBeUndefined();
    return r.data.reliabilityMetrics.incidentCount as number;
  };
  const number = (text: string) => Number(text.replace(/\D/g, ''));
  const listedCount = (page: Page) =>
    page
      .locator('.filter-bar.secondary .muted', { hasText: /^\d[\d,]* incidents?$/ })
      .innerText()
      .then(number)
      .catch(() => null);
  const noSidewaysScroll = (page: Page) =>
    page.evaluate(() => ({
      page: document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      panel: [...document.querySelectorAll('.multi-select-panel')].every((p) => {
        const r = p.getBoundingClientRect();
        return r.left >= 0 && r.right <= document.documentElement.clientWidth;
      }),
    }));

  it('lists the incidents of two teams, keeps both in the link and after a reload', async () => {
    // Two teams that each own incidents, so a list of one team's incidents would show a different count.
    const teams: { id: string; name: string }[] = (await gql(server.url, '{ teams { id name } }', {}, token)).data.teams;
    const owning: { id: string; name: string; count: number }[] = [];
    for (const t of teams) {
      const count = await incidentTotal({ teamIds: [t.id] });
      if (count > 0) owning.push({ ...t, count });
      if (owning.length === 2) break;
    }
    expect(owning).toHaveLength(2);
    const [a, b] = owning;
    const both = await incidentTotal({ teamIds: [a.id, b.id] });
    expect(both).toBe(a.count + b.count); // an incident has one owning team

    browser = await signedInBrowser(server.url, { width: 1440, height: 900 });
    const { page } = browser;
    await page.goto(`${server.url}/incidents?period=all`);
    await page.locator('table tbody tr').first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Teams', exact: true }).click();
    const list = page.getByRole('group', { name: 'Teams' });
    await list.getByRole('checkbox', { name: a.name, exact: true }).check();
    await page.getByRole('button', { name: 'Teams (1)' }).waitFor();
    await list.getByRole('checkbox', { name: b.name, exact: true }).check();
    await page.getByRole('button', { name: 'Teams (2)' }).waitFor();
    await eventually(() => listedCount(page), both);
    await page.screenshot({ path: path.join(SHOTS, 'filters-multi-incidents-1440.png') });

    const teamParam = () => new URL(page.url()).searchParams.getAll('team').join(',').split(',').sort();
    expect(teamParam()).toEqual([a.id, b.id].sort());
    // The CSV export holds the same two teams' incidents: a dry-run import of it finds each one unchanged.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const res = await fetch(`${server.url}/api/import?format=CSV&dryRun=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: readFileSync((await download.path())!, 'utf8'),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: 0, updated: 0, unchanged: both, errorCount: 0 });

    await page.reload();
    await page.getByRole('button', { name: 'Teams (2)' }).waitFor({ timeout: 30_000 });
    await eventually(() => listedCount(page), both);
    expect(teamParam()).toEqual([a.id, b.id].sort());
    const chips = page.getByRole('list', { name: 'Selected filters' });
    expect(await chips.getByRole('button').evaluateAll((bs) => bs.map((x) => x.getAttribute('aria-label')))).toEqual([
      `Remove team ${a.name}`,
      `Remove team ${b.name}`,
    ]);

    // Removing one team by its chip leaves the other's incidents.
    await chips.getByRole('button', { name: `Remove team ${b.name}` }).click();
    await page.getByRole('button', { name: 'Teams (1)' }).waitFor();
    await eventually(() => listedCount(page), a.count);
  });

  it('counts on the overview the incidents of two severities, picked with the keyboard', async () => {
    const one = await metricsCount({ severities: ['SEV1'] });
    const two = await metricsCount({ severities: ['SEV1', 'SEV2'] });
    expect(two).toBeGreaterThan(one); // demo data has SEV2 incidents, so picking it changes the number

    browser = await signedInBrowser(server.url, { width: 1440, height: 900 });
    const { page } = browser;
    await page.goto(`${server.url}/?period=all`);
    const card = page.locator('.kpi-card').filter({ has: page.locator('dt', { hasText: /^Incidents$/ }) });
    // (the first overview of a fresh server can take a while on a busy machine)
    await card.locator('.kpi-value').waitFor({ timeout: 60_000 });
    const severities = page.getByRole('button', { name: 'Severities', exact: true });
    await severities.focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('group', { name: 'Severities' });
    await list.getByRole('checkbox', { name: 'SEV1' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Severities (2)' }).waitFor();
    expect(new URL(page.url()).searchParams.get('severity')).toBe('SEV1,SEV2');
    await eventually(async () => number(await card.locator('.kpi-value').innerText()), two);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('button', { name: 'Severities (2)' }).getAttribute('aria-expanded')).toBe('false');
  });

  it.each([
    [1440, 900],
    [390, 844],
  ])('at %i×%i the open multi-select fits the screen', async (width, height) => {
    browser = await signedInBrowser(server.url, { width, height });
    const { page } = browser;
    await page.goto(`${server.url}/incidents?period=all&severity=SEV1`);
    await page.locator('table tbody tr').first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Causes', exact: true }).click();
    await page.getByRole('group', { name: 'Causes' }).getByRole('searchbox').waitFor();
    expect(await noSidewaysScroll(page)).toEqual({ page: true, panel: true });
    await page.screenshot({ path: path.join(SHOTS, `filters-multi-causes-${width}.png`) });

    await page.goto(`${server.url}/?period=all&team=1&severity=SEV1,SEV2`);
    await page.locator('.kpi-card .kpi-value').first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Teams (1)' }).click();
    await page.getByRole('group', { name: 'Teams' }).getByRole('checkbox').first().waitFor();
    expect(await noSidewaysScroll(page)).toEqual({ page: true, panel: true });
    await page.screenshot({ path: path.join(SHOTS, `filters-multi-overview-${width}.png`) });
    // Closed again, the selection stays in sight as chips.
    await page.keyboard.press('Escape');
    await page.getByRole('list', { name: 'Selected filters' }).getByRole('button').first().waitFor();
    expect(await noSidewaysScroll(page)).toEqual({ page: true, panel: true });
    await page.screenshot({ path: path.join(SHOTS, `filters-multi-overview-closed-${width}.png`) });
  });
});
