import type { Page } from 'playwright-core';
import { adminToken, eventually, signedInBrowser, BrowserPage } from './chromium';
import { gql, startServer, StartedServer } from './server';

const INCIDENT = `query($id:ID!){ incident(id:$id){ id version title primaryCause{ cause{ name } state } } }`;

describe('journeys of a responder in Chromium', () => {
  let server: StartedServer;
  let browser: BrowserPage;
  let page: Page;
  let token: string;
  let incidentId: string;

  beforeAll(async () => {
    server = await startServer();
    token = await adminToken(server.url);
    // an untagged incident to work on
    const list = await gql(server.url, '{ incidents(first:100){ edges{ node{ id primaryCause{ state } } } } }', {}, token);
    incidentId = list.data.incidents.edges.find((e: any) => !e.node.primaryCause).node.id;
    browser = await signedInBrowser(server.url);
    page = browser.page;
    await page.waitForSelector('.recharts-wrapper', { timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('drills from the cause Pareto into the incident list filtered to that cause', async () => {
    const pareto = page
      .locator('section, article, div.card')
      .filter({ has: page.getByRole('heading', { name: /Causes \(Pareto\)/ }) })
      .last();
    await pareto.locator('.recharts-bar-rectangle').first().click();
    await page.waitForURL(/\/incidents\?.*cause=/, { timeout: 10_000 });
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length >= 1, null, { timeout: 30_000 });
    const causeId = new URL(page.url()).searchParams.get('cause')!;
    const filtered = await gql(server.url, 'query($c:[ID!]){ incidents(filter:{rootCauseIds:$c}){ totalCount } }', { c: [causeId] }, token);
    expect(filtered.data.incidents.totalCount).toBeGreaterThan(0);
  });

  it('opens the incidents behind a time-to-resolve histogram bar: the list total equals the bar', async () => {
    await page.goto(`${server.url}/?period=all`);
    const histogram = page
      .locator('section, article, div.card')
      .filter({ has: page.getByRole('heading', { name: /Time to resolve distribution/ }) })
      .last();
    await histogram.locator('rect.clickable').first().waitFor({ timeout: 30_000 });
    await histogram.locator('rect.clickable').first().click();
    await page.waitForURL(/\/incidents\?.*ttr=/, { timeout: 10_000 });
    const url = new URL(page.url());
    expect(url.searchParams.get('counted')).toBe('1');
    const [from, to] = url.searchParams.get('ttr')!.split('-');
    const metrics = await gql(server.url, '{ reliabilityMetrics { durationHistogram { fromMinutes toMinutes count } } }', {}, token);
    const bar = metrics.data.reliabilityMetrics.durationHistogram.find((b: any) => b.fromMinutes === Number(from));
    expect(bar.toMinutes).toBe(to ? Number(to) : null);
    const n = bar.count as number;
    await page.getByText(new RegExp(`^${n.toLocaleString('en-US')} incidents?$`)).waitFor({ timeout: 30_000 });
    await page.getByText(/Showing only resolved incidents with a time to resolve of/).waitFor();
  });

  it('tags the primary cause of an incident and confirms it', async () => {
    await page.goto(`${server.url}/incidents/${incidentId}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click(); // the page opens as a write-up
    const picker = page.getByRole('combobox', { name: /primary cause/i });
    await picker.fill('DNS');
    await page.getByRole('option', { name: /^DNS/ }).first().click();
    const tag = async () => (await gql(server.url, INCIDENT, { id: incidentId }, token)).data.incident.primaryCause;
    await eventually(async () => (await tag())?.cause.name, 'DNS');
    await page.getByRole('button', { name: 'Confirm' }).first().click();
    await eventually(async () => (await tag())?.state, 'CONFIRMED');
  });

  it('refuses a stale edit, says so, and reloads the current version', async () => {
    await page.goto(`${server.url}/incidents/${incidentId}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click(); // the page opens as a write-up
    const title = page.getByLabel('Title', { exact: true });
    await title.waitFor();
    // someone else changes the incident after the page was opened
    const cur = (await gql(server.url, INCIDENT, { id: incidentId }, token)).data.incident;
    const other = await gql(
      server.url,
      'mutation($id:ID!,$i:UpdateIncidentInput!){ updateIncident(id:$id, input:$i){ version } }',
      { id: incidentId, i: { expectedVersion: cur.version, title: 'Changed by a colleague' } },
      token,
    );
    expect(other.errors).toBeUndefined();
    await title.fill('My stale edit');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Someone else changed this incident').waitFor({ timeout: 10_000 });
    expect((await gql(server.url, INCIDENT, { id: incidentId }, token)).data.incident.title).toBe('Changed by a colleague');
    await page.getByRole('button', { name: 'Reload incident' }).click();
    await eventually(() => title.inputValue(), 'Changed by a colleague');
  });
});
