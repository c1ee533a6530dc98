import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { adminToken, eventually, signedInBrowser, BrowserPage } from './chromium';
import { gql, ROOT, startServer, StartedServer } from './server';

const SHOTS = path.join(ROOT, 'test-results');
const PASSWORD = 'Colleague-Password-1';
const USER = `{ users { id email name role disabled version teams { name } } }`;
const LOGIN = 'mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }';

describe('an admin manages users and teams in Settings (Chromium)', () => {
  let server: StartedServer;
  let browser: BrowserPage;
  let page: Page;
  let token: string;
  const user = async (email: string) =>
    (await gql(server.url, USER, {}, token)).data.users.find((u: { email: string }) => u.email === email);

  beforeAll(async () => {
    server = await startServer();
    token = await adminToken(server.url);
    const made = await gql(
      server.url,
      'mutation($i:CreateUserInput!){ createUser(input:$i){ id } }',
      { i: { email: 'colleague@example.com', password: PASSWORD, role: 'VIEWER', teamIds: [] } },
      token,
    );
    expect(made.errors).toBeUndefined();
    mkdirSync(SHOTS, { recursive: true });
    browser = await signedInBrowser(server.url, { width: 1280, height: 1000 });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('changes a user’s role and teams, then disables the account so it can no longer sign in', async () => {
    await page.goto(`${server.url}/settings?tab=users`);
    const row = page.getByRole('row').filter({ hasText: 'colleague@example.com' });
    await row.getByRole('button', { name: 'Edit' }).click();
    const editor = page.getByRole('form', { name: 'Edit colleague@example.com' });
    await editor.getByLabel('Role').selectOption('RESPONDER');
    const team = (await gql(server.url, '{ teams { name } }', {}, token)).data.teams[0].name as string;
    await editor.getByLabel(team, { exact: true }).check();
    await editor.getByLabel('Name').fill('Cole League');
    await page.screenshot({ path: path.join(SHOTS, 'settings-user-editor.png'), fullPage: true });
    await editor.getByRole('button', { name: 'Save colleague@example.com' }).click();
    await eventually(async () => {
      const u = await user('colleague@example.com');
      return [u.role, u.name, u.teams.map((t: { name: string }) => t.name)];
    }, ['RESPONDER', 'Cole League', [team]]);
    // the list has refetched the saved user (so the editor opens on the new version)
    await row.getByText('Cole League').waitFor();
    await row.getByRole('cell', { name: 'responder', exact: true }).waitFor();

    await row.getByRole('button', { name: 'Edit' }).click();
    await editor.getByLabel(/^Disabled/).check();
    await editor.getByRole('button', { name: 'Save colleague@example.com' }).click();
    await eventually(async () => (await user('colleague@example.com')).disabled, true);
    await row.getByText('disabled', { exact: true }).waitFor();
    const login = await gql(server.url, LOGIN, { e: 'colleague@example.com', p: PASSWORD });
    expect(login.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an edit made on a stale copy, keeps what was typed, and re-applies it on top of the latest version', async () => {
    await page.goto(`${server.url}/settings?tab=users`);
    const row = page.getByRole('row').filter({ hasText: 'colleague@example.com' });
    await row.getByRole('button', { name: 'Edit' }).click();
    const editor = page.getByRole('form', { name: 'Edit colleague@example.com' });
    await editor.getByLabel('Name').waitFor();
    // another admin saves first
    const current = await user('colleague@example.com');
    const other = await gql(
      server.url,
      'mutation($id:ID!,$i:UpdateUserInput!){ updateUser(id:$id, input:$i){ version } }',
      { id: current.id, i: { expectedVersion: current.version, name: 'Renamed by another admin' } },
      token,
    );
    expect(other.errors).toBeUndefined();
    await editor.getByLabel('Role').selectOption('ADMIN');
    await editor.getByRole('button', { name: 'Save colleague@example.com' }).click();
    await page.getByText('Another admin changed this user').waitFor({ timeout: 10_000 });
    expect(await editor.getByLabel('Role').inputValue()).toBe('ADMIN'); // the edit is still there
    expect((await user('colleague@example.com')).role).toBe(current.role); // and nothing was written
    await page.screenshot({ path: path.join(SHOTS, 'settings-user-conflict.png'), fullPage: true });
    await page.getByRole('button', { name: 'Re-apply my changes to the latest version' }).click();
    await eventually(() => editor.getByLabel('Name').inputValue(), 'Renamed by another admin');
    expect(await editor.getByLabel('Role').inputValue()).toBe('ADMIN');
    await editor.getByRole('button', { name: 'Save colleague@example.com' }).click();
    await eventually(async () => {
      const u = await user('colleague@example.com');
      return [u.name, u.role];
    }, ['Renamed by another admin', 'ADMIN']);
  });

  it('renames a team', async () => {
    await page.goto(`${server.url}/settings?tab=teams`);
    const first = (await gql(server.url, '{ teams { id name } }', {}, token)).data.teams[0] as { id: string; name: string };
    const row = page.getByRole('row').filter({ hasText: first.name });
    await row.getByRole('button', { name: 'Rename' }).click();
    const form = page.getByRole('form', { name: `Rename ${first.name}` });
    await form.getByLabel('Name').fill(`${first.name} Platform`);
    await form.getByRole('button', { name: 'Rename' }).click();
    await eventually(
      async () =>
        (await gql(server.url, '{ teams { id name } }', {}, token)).data.teams.find((t: { id: string }) => t.id === first.id).name,
      `${first.name} Platform`,
    );
    await page.getByRole('cell', { name: `${first.name} Platform` }).waitFor();
  });
});
