import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { adminToken, eventually, signedInBrowser, BrowserPage } from './chromium';
import { gql, ROOT, startServer, StartedServer } from './server';

const SHOTS = path.join(ROOT, 'test-results');
const INCIDENT = `query($id:ID!){ incident(id:$id){ id version title summary severity
  actionItems{ id title dueDate status version } } }`;
const UPDATE_INCIDENT = 'mutation($id:ID!,$i:UpdateIncidentInput!){ updateIncident(id:$id, input:$i){ version } }';
const UPDATE_ITEM = 'mutation($id:ID!,$i:UpdateActionItemInput!){ updateActionItem(id:$id, input:$i){ version } }';

describe('a responder edits an incident in Chromium while a colleague changes it too', () => {
  let server: StartedServer;
  let browser: BrowserPage;
  let page: Page;
  let token: string;
  let incidentId: string;
  const pageErrors: string[] = [];
  const current = async () => (await gql(server.url, INCIDENT, { id: incidentId }, token)).data.incident;
  const item = async (id: string) => (await current()).actionItems.find((a: { id: string }) => a.id === id);
  const createItem = async (title: string, dueDate: string): Promise<string> => {
    const made = await gql(
      server.url,
      'mutation($i:CreateActionItemInput!){ createActionItem(input:$i){ id } }',
      { i: { incidentId, title, type: 'PREVENT', dueDate } },
      token,
    );
    expect(made.errors).toBeUndefined();
    return made.data.createActionItem.id;
  };
  const actionItems = () => page.locator('section').filter({ has: page.getByRole('heading', { name: 'Action items', exact: true }) });
  // the page opens as a write-up; Edit opens its forms
  const openEditing = () => page.getByRole('button', { name: 'Edit', exact: true }).click();
  const details = () => page.locator('section').filter({ has: page.getByRole('heading', { name: 'What happened', exact: true }) });

  beforeAll(async () => {
    server = await startServer();
    token = await adminToken(server.url);
    const list = await gql(server.url, '{ incidents(first:1){ edges{ node{ id } } } }', {}, token);
    incidentId = list.data.incidents.edges[0].node.id;
    mkdirSync(SHOTS, { recursive: true });
    browser = await signedInBrowser(server.url);
    page = browser.page;
    page.on('pageerror', (e) => pageErrors.push(String(e)));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('edits an action item’s title and due date in place, and they persist', async () => {
    const title = 'E2E: add a replica in a second zone';
    const id = await createItem(title, '2026-12-20');
    await page.goto(`${server.url}/incidents/${incidentId}`);
    await openEditing();
    await actionItems()
      .getByRole('button', { name: `Edit ${title}` })
      .click();
    const editor = page.getByRole('form', { name: `Edit action item: ${title}` });
    await editor.getByLabel('Title', { exact: true }).fill('E2E: add a replica in zone b');
    await editor.getByLabel('Due date').fill('2027-03-31');
    await actionItems().screenshot({ path: path.join(SHOTS, 'incident-action-item-editor.png') });
    await editor.getByRole('button', { name: 'Save', exact: true }).click();

    await editor.waitFor({ state: 'detached', timeout: 10_000 });
    const row = actionItems().getByRole('row').filter({ hasText: 'E2E: add a replica in zone b' });
    expect(await row.textContent()).toContain('31 Mar 2027'); // due dates read as the other dates do
    await eventually(async () => {
      const a = await item(id);
      return [a.title, a.dueDate];
    }, ['E2E: add a replica in zone b', '2027-03-31']);
    // and after a reload of the page
    await page.reload();
    await actionItems().getByRole('row').filter({ hasText: 'E2E: add a replica in zone b' }).filter({ hasText: '31 Mar 2027' }).waitFor();
  });

  it('re-applies an action item edit on top of a colleague’s change', async () => {
    const title = 'E2E: alert on manifest errors';
    const id = await createItem(title, '2026-12-24');
    await page.goto(`${server.url}/incidents/${incidentId}`);
    await openEditing();
    await actionItems()
      .getByRole('button', { name: `Edit ${title}` })
      .click();
    const editor = page.getByRole('form', { name: `Edit action item: ${title}` });
    await editor.getByLabel('Title', { exact: true }).fill('E2E: page on manifest errors');
    // a colleague moves it forward meanwhile
    const colleague = await gql(
      server.url,
      UPDATE_ITEM,
      { id, i: { expectedVersion: (await item(id)).version, status: 'IN_PROGRESS' } },
      token,
    );
    expect(colleague.errors).toBeUndefined();
    await editor.getByRole('button', { name: 'Save', exact: true }).click();

    await editor.getByText('Someone else changed this action item').waitFor({ timeout: 10_000 });
    const statusRow = editor.getByRole('row').filter({ hasText: 'Status' });
    expect(await statusRow.textContent()).toContain('In progress');
    await actionItems().screenshot({ path: path.join(SHOTS, 'incident-action-item-conflict.png') });
    await editor.getByRole('button', { name: 'Re-apply my edit' }).click();
    await eventually(async () => {
      const a = await item(id);
      return [a.title, a.status];
    }, ['E2E: page on manifest errors', 'IN_PROGRESS']);
  });

  it('merges a stale incident edit with a colleague’s change, field by field', async () => {
    await page.goto(`${server.url}/incidents/${incidentId}`);
    await openEditing();
    const form = details();
    const titleInput = form.getByLabel('Title', { exact: true });
    await titleInput.waitFor();
    await titleInput.fill('E2E: my title');
    await form.getByLabel('Summary').fill('E2E: my summary of what happened.');

    // the colleague saves a new title and severity behind the page's back
    const before = await current();
    const severity = before.severity === 'SEV1' ? 'SEV2' : 'SEV1';
    const colleague = await gql(
      server.url,
      UPDATE_INCIDENT,
      { id: incidentId, i: { expectedVersion: before.version, title: 'E2E: colleague title', severity } },
      token,
    );
    expect(colleague.errors).toBeUndefined();
    await page.getByRole('button', { name: 'Save changes' }).click();

    const panel = page.getByRole('region', { name: /Someone else changed this incident/ });
    await panel.waitFor({ timeout: 10_000 });
    const titleRow = panel.getByRole('row').filter({ hasText: 'E2E: colleague title' });
    expect(await titleRow.textContent()).toContain('E2E: my title');
    expect(await panel.textContent()).toContain(`Severity: ${before.severity} → ${severity}`);
    expect(await panel.textContent()).toContain('E2E: my summary of what happened.');
    await page.screenshot({ path: path.join(SHOTS, 'incident-merge.png') });
    await form.screenshot({ path: path.join(SHOTS, 'incident-merge-section.png') });

    await panel.getByRole('radio', { name: 'Take theirs for Title' }).check();
    expect(await titleInput.inputValue()).toBe('E2E: colleague title'); // the form previews the choice
    await panel.screenshot({ path: path.join(SHOTS, 'incident-merge-chosen.png') });
    await panel.getByRole('button', { name: 'Save merged version' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 10_000 });
    await eventually(async () => {
      const i = await current();
      return [i.title, i.summary, i.severity, i.version];
    }, ['E2E: colleague title', 'E2E: my summary of what happened.', severity, before.version + 2]);
    expect(await titleInput.inputValue()).toBe('E2E: colleague title');
    expect(await panel.count()).toBe(0);
    await form.screenshot({ path: path.join(SHOTS, 'incident-merge-saved.png') });
    expect(pageErrors).toEqual([]);
  });
});
