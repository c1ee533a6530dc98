import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { adminToken, launchBrowser, signedInBrowser, BrowserPage, overflowing } from './chromium';
import { gql, ROOT, startServer, StartedServer } from './server';

const SHOTS = path.join(ROOT, 'test-results');
const PASSWORD = 'Reader-Password-1';
const INCIDENTS = `{ incidents(first: 200) { edges { node { id title team { id }
  detectedAt primaryCause { cause { name } state } contributingFactors { cause { name } }
  assessments { mechanism { name } outcome } actionItems { title } } } } }`;
const FORM_FIELDS = 'main input, main select, main textarea';

/** Signs in through the login page as `email`. */
async function signIn(url: string, email: string, viewport = { width: 1440, height: 900 }): Promise<BrowserPage> {
  const browser = await launchBrowser(viewport);
  await browser.page.goto(`${url}/login`);
  await browser.page.locator('input[type=email]').fill(email);
  await browser.page.locator('input[type=password]').fill(PASSWORD);
  await browser.page.locator('input[type=password]').press('Enter');
  await browser.page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 });
  return browser;
}

const section = (page: Page, heading: string) =>
  page.locator('section').filter({ has: page.getByRole('heading', { name: heading, exact: true }) });

describe('the incident page is a write-up: readers see no form, editors open it with Edit (Chromium)', () => {
  let server: StartedServer;
  let token: string;
  let incident: {
    id: string;
    title: string;
    team: { id: string };
    primaryCause: { cause: { name: string }; state: string };
    contributingFactors: { cause: { name: string } }[];
    assessments: { mechanism: { name: string }; outcome: string }[];
    actionItems: { title: string }[];
  };
  const browsers: BrowserPage[] = [];
  const pageErrors: string[] = [];
  const open = async (b: BrowserPage) => {
    browsers.push(b);
    b.page.on('pageerror', (e) => pageErrors.push(String(e)));
    await b.page.goto(`${server.url}/incidents/${incident.id}`);
    await section(b.page, 'Timeline of phases').waitFor({ timeout: 30_000 });
    return b.page;
  };

  beforeAll(async () => {
    server = await startServer();
    token = await adminToken(server.url);
    const list = await gql(server.url, INCIDENTS, {}, token);
    // a demo incident with something in every part of the write-up
    incident = list.data.incidents.edges
      .map((e: { node: typeof incident & { detectedAt: string | null } }) => e.node)
      .find(
        (n: typeof incident & { detectedAt: string | null }) =>
          n.detectedAt && n.primaryCause && n.assessments.length > 0 && n.actionItems.length > 0,
      );
    expect(incident).toBeDefined();
    const teams = (await gql(server.url, '{ teams { id } }', {}, token)).data.teams as { id: string }[];
    const otherTeam = teams.find((t) => t.id !== incident.team.id)!;
    for (const [email, role, teamIds] of [
      ['reader@example.com', 'VIEWER', []],
      ['outsider@example.com', 'RESPONDER', [otherTeam.id]],
    ] as const) {
      const made = await gql(
        server.url,
        'mutation($i:CreateUserInput!){ createUser(input:$i){ id } }',
        { i: { email, password: PASSWORD, role, teamIds } },
        token,
      );
      expect(made.errors).toBeUndefined();
    }
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await server?.stop();
  });

  it('shows a viewer the timeline, causes, assessments and action items, with no form field at all', async () => {
    const page = await open(await signIn(server.url, 'reader@example.com'));
    await page.getByRole('heading', { level: 1 }).filter({ hasText: incident.title }).waitFor();
    expect(await page.locator(FORM_FIELDS).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);

    const phases = (await section(page, 'Timeline of phases').textContent()) ?? '';
    expect(phases).toContain('Impact started');
    expect(phases).toMatch(/detected (\d+ (s|min|h|d)( \d+ (min|h))?|−.+) (after|before) impact start/);
    const causes = (await section(page, 'Root cause').textContent()) ?? '';
    expect(causes).toContain(incident.primaryCause.cause.name);
    expect(causes).toContain(incident.primaryCause.state.toLowerCase());
    for (const c of incident.contributingFactors) expect(causes).toContain(c.cause.name);
    const redundancy = (await section(page, 'Redundancy').textContent()) ?? '';
    for (const a of incident.assessments) expect(redundancy).toContain(a.mechanism.name);
    const items = section(page, 'Action items');
    for (const a of incident.actionItems) await items.getByText(a.title, { exact: true }).waitFor();

    await page.screenshot({ path: path.join(SHOTS, 'incident-viewer-1440.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await items.getByText(incident.actionItems[0].title, { exact: true }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'incident-viewer-390.png'), fullPage: true });
    expect(await overflowing(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows a responder of another team the same write-up, without Edit', async () => {
    const page = await open(await signIn(server.url, 'outsider@example.com'));
    await section(page, 'Action items').getByText(incident.actionItems[0].title, { exact: true }).waitFor();
    expect(await page.locator(FORM_FIELDS).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
  });

  it('shows an editor the same write-up, and Edit opens the form on the current values', async () => {
    const page = await open(await signedInBrowser(server.url, { width: 1440, height: 900 }));
    await section(page, 'Action items').getByText(incident.actionItems[0].title, { exact: true }).waitFor();
    expect(await page.locator(FORM_FIELDS).count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'incident-editor-1440.png'), fullPage: true });

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const details = section(page, 'What happened');
    const title = details.getByLabel('Title', { exact: true });
    await title.waitFor();
    expect(await title.inputValue()).toBe(incident.title);
    expect(await title.evaluate((el) => el === document.activeElement)).toBe(true);
    await details.getByRole('button', { name: 'Save changes' }).waitFor();
    await page.getByRole('combobox', { name: /primary cause/i }).waitFor();
    // one outcome per mechanism of the catalogue, so at least one per assessed mechanism
    expect(await section(page, 'Redundancy').locator('select').count()).toBeGreaterThanOrEqual(incident.assessments.length);
    await page.screenshot({ path: path.join(SHOTS, 'incident-editor-editing-1440.png'), fullPage: true });

    // unsaved edits keep the forms open until they are saved or discarded
    await title.fill(`${incident.title} (draft)`);
    expect(await page.getByRole('button', { name: 'Done editing' }).isDisabled()).toBe(true);
    await details.getByRole('button', { name: 'Discard changes' }).click();
    expect(await title.inputValue()).toBe(incident.title);
    await page.getByRole('button', { name: 'Done editing' }).click();
    await title.waitFor({ state: 'detached' });
    expect(await page.locator(FORM_FIELDS).count()).toBe(0);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(SHOTS, 'incident-editor-390.png'), fullPage: true });
    expect(await overflowing(page)).toEqual([]);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await title.waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'incident-editor-editing-390.png'), fullPage: true });
    expect(await overflowing(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
