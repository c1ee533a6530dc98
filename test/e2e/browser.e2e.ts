import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { ADMIN, ROOT, startServer, StartedServer } from './server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'test-results');

describe('a new user in Chromium', () => {
  let server: StartedServer;
  let ctx: BrowserContext;
  let page: Page;
  let profile: string;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    profile = mkdtempSync(path.join(tmpdir(), 'hindsight-chromium-'));
    mkdirSync(SHOTS, { recursive: true });
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1440, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = ctx.pages()[0] ?? (await ctx.newPage());
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
  });

  afterAll(async () => {
    await ctx?.close();
    rmSync(profile, { recursive: true, force: true });
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
