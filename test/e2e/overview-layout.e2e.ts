import type { Page } from 'playwright-core';
import { BrowserPage, signedInBrowser } from './chromium';
import { startServer, StartedServer } from './server';

/** WCAG relative luminance contrast of two computed `rgb(...)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

async function overviewAt(page: Page, url: string) {
  await page.goto(`${url}/`);
  await page.locator('.fix-list li').first().waitFor({ timeout: 30_000 });
  await page.locator('.change-list li').first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.querySelectorAll('.recharts-wrapper').length >= 3, null, { timeout: 30_000 });
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    fixNextTop: document.querySelector('.fix-list li')!.getBoundingClientRect().top,
    legends: [...document.querySelectorAll('.chart-legend li, .heatmap-legend, .recharts-cartesian-axis-tick-value, .recharts-label')].map(
      (el) =>
        getComputedStyle(el).color === 'rgba(0, 0, 0, 0)' || el instanceof SVGElement
          ? getComputedStyle(el).fill
          : getComputedStyle(el).color,
    ),
  }));
}

describe('the overview answers "what changed" and "what to fix next" on the first screen', () => {
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

  it.each([
    [1440, 900],
    [390, 844],
  ])('at %i×%i: nothing wider than the screen, the first thing to fix above the fold, legends ≥ 4.5:1', async (width, height) => {
    browser = await signedInBrowser(server.url, { width, height });
    const m = await overviewAt(browser.page, server.url);
    expect(m.scrollWidth).toBeLessThanOrEqual(m.clientWidth);
    expect(m.fixNextTop).toBeLessThan(height);
    expect(m.legends.length).toBeGreaterThan(10);
    for (const colour of m.legends) expect(contrast(colour, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(4.5);
    // A ranked item opens a page that shows it, with the overview's filters carried.
    const first = browser.page.locator('.fix-list li a').first();
    const href = await first.getAttribute('href');
    expect(href).toMatch(/^\/(action-items\?view=overdue|incidents\?)/);
  });
});
