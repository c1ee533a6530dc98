import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, BrowserPage } from './chromium';
import { ADMIN, ROOT, startServer, StartedServer } from './server';

const SHOTS = path.join(ROOT, 'test-results');

describe('a new user in Chromium', () => {
  let server: StartedServer;
  let browser: BrowserPage;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchBrowser({ width: 1440, height: 900 });
    page = browser.page;
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('logs in, reads the overview charts and opens the incident list', async () => {
    await page.goto(server.url, { waitUntil: 'networkidle' });
    await page.locator('input[type=email]').fill(ADMIN.email);
    await page.locator('input[type=password]').fill(ADMIN.password);
    await page.locator('input[type=password]').press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.recharts-wrapper').length >= 3, null, { timeout: 30_000 });
    await page.screenshot({ path: path.join(SHOTS, 'overview.png'), fullPage: true });
    const text = await page.innerText('body');
    expect(text).toContain('MTTR');

    await page
      .getByRole('link', { name: /incidents/i })
      .first()
      .click();
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length >= 10, null, { timeout: 30_000 });
    await page.screenshot({ path: path.join(SHOTS, 'incidents.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
