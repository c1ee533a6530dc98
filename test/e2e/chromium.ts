import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { ADMIN, gql } from './server';

/** Debian's Chromium (never a browser download), driven by playwright-core. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Polls `probe` until it returns `want` (deep equality, or 10 s pass), then asserts it. */
export async function eventually<T>(probe: () => Promise<T>, want: T): Promise<void> {
  const t0 = Date.now();
  let got = await probe();
  while (JSON.stringify(got) !== JSON.stringify(want) && Date.now() - t0 < 10_000) {
    await new Promise((r) => setTimeout(r, 200));
    got = await probe();
  }
  expect(got).toEqual(want);
}

/** A bearer token of the e2e admin. */
export async function adminToken(url: string): Promise<string> {
  const r = await gql(url, 'mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }', {
    e: ADMIN.email,
    p: ADMIN.password,
  });
  return r.data.login.token;
}

/** A browser page on its own profile; `close` ends the browser and removes the profile. */
export interface BrowserPage {
  ctx: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Headless Chromium (Debian's) on a throwaway profile, removed on close. */
export async function launchBrowser(viewport = { width: 1280, height: 900 }): Promise<BrowserPage> {
  const profile = mkdtempSync(path.join(tmpdir(), 'hindsight-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
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
  return {
    ctx,
    page: ctx.pages()[0] ?? (await ctx.newPage()),
    close: async () => {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium on a throwaway profile, signed in as the e2e admin through the login page. */
export async function signedInBrowser(url: string, viewport = { width: 1280, height: 900 }): Promise<BrowserPage> {
  const browser = await launchBrowser(viewport);
  const { page } = browser;
  await page.goto(`${url}/login`);
  await page.locator('input[type=email]').fill(ADMIN.email);
  await page.locator('input[type=password]').fill(ADMIN.password);
  await page.locator('input[type=password]').press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 });
  return browser;
}

/**
 * What makes the page scroll sideways, named for a failure message: [] when the document is no wider than the window;
 * else the elements of main reaching past its right edge (those inside a `.table-scroll`, which scroll in their own
 * box, left out), or the document's width when no single element is to blame.
 */
export const overflowing = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const width = document.documentElement.scrollWidth;
    if (width <= window.innerWidth) return [];
    const culprits = [...document.querySelectorAll('main *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !el.closest('.table-scroll'))
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(el.getBoundingClientRect().right)}px`)
      .slice(0, 10);
    return culprits.length ? culprits : [`document ${width}px wide in a ${window.innerWidth}px window`];
  });
