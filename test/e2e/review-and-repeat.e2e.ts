import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { adminToken, eventually, signedInBrowser, BrowserPage, overflowing } from './chromium';
import { gql, ROOT, startServer, StartedServer } from './server';

// Screenshots of the review editor and the published review, at a desktop and a phone width.
const SHOTS = process.env.REVIEW_SHOTS_DIR ?? path.join(ROOT, 'test-results');
const REVIEW = `query($id:ID!){ incident(id:$id){ postMortem{ state body version publishedAt reviewers{ email } } } }`;
const CREATE = 'mutation($i:CreateIncidentInput!){ createIncident(input:$i){ id key } }';

const section = (page: Page, heading: string) =>
  page.locator('section').filter({ has: page.getByRole('heading', { name: heading, exact: true }) });

describe('closing the loop on the incident page (Chromium): write and publish a review, follow a repeat', () => {
  let server: StartedServer;
  let browser: BrowserPage;
  let page: Page;
  let token: string;
  let earlier: { id: string; key: string };
  let later: { id: string; key: string };
  let serviceId: string;
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  const review = async (id: string) => (await gql(server.url, REVIEW, { id }, token)).data.incident.postMortem;

  beforeAll(async () => {
    server = await startServer();
    token = await adminToken(server.url);
    // A service of its own, so no demo incident sits between the two and becomes the one repeated.
    const ref = await gql(server.url, '{ teams { id } rootCauses { id parent { id } retired } }', {}, token);
    const teamId = ref.data.teams[0].id;
    const cause = ref.data.rootCauses.find((c: { parent: unknown; retired: boolean }) => c.parent && !c.retired);
    const svc = await gql(
      server.url,
      'mutation($i:CreateServiceInput!){ createService(input:$i){ id } }',
      { i: { name: 'E2E loop service', teamId } },
      token,
    );
    expect(svc.errors).toBeUndefined();
    serviceId = svc.data.createService.id;
    const incident = async (title: string, startedAt: string) => {
      const r = await gql(
        server.url,
        CREATE,
        {
          i: {
            title,
            severity: 'SEV2',
            teamId,
            serviceIds: [svc.data.createService.id],
            primaryCauseId: cause.id,
            startedAt,
            resolvedAt: new Date(new Date(startedAt).getTime() + 2 * 3600_000).toISOString(),
          },
        },
        token,
      );
      expect(r.errors).toBeUndefined();
      return r.data.createIncident as { id: string; key: string };
    };
    earlier = await incident('E2E: cache stampede on checkout', '2026-10-01T10:00:00Z');
    later = await incident('E2E: cache stampede again', '2026-10-13T09:00:00Z'); // 11 days 23 hours later
    mkdirSync(SHOTS, { recursive: true });
    browser = await signedInBrowser(server.url, { width: 1440, height: 900 });
    page = browser.page;
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The overview's review completion for the earlier incident's day and service: only that incident is in scope. */
  const completion = async () => {
    await page.goto(`${server.url}/?period=custom&from=2026-10-01&to=2026-10-01&service=${serviceId}`);
    const figure = page
      .locator('article.loop-card')
      .filter({ has: page.getByRole('heading', { name: 'Reviews', exact: true }) })
      .locator('.loop-figure');
    await figure.waitFor({ timeout: 60_000 });
    return figure.innerText();
  };

  it('writes a review from the template, publishes it and shows it rendered, raw HTML left out', async () => {
    // before: the incident's review is required and not published, on the overview too
    expect(await completion()).toMatch(/^0 of 1 published \(0 %\)/);
    await page.goto(`${server.url}/incidents/${earlier.id}`);
    const reviewSection = section(page, 'Review');
    await reviewSection.getByText('Not started').waitFor({ timeout: 30_000 });
    await reviewSection.getByRole('button', { name: 'Write the review' }).click();
    const text = reviewSection.getByLabel('Review (Markdown)');
    expect(await text.inputValue()).toContain('## Root causes and trigger'); // the template
    const body = [
      '## Summary',
      '',
      'A cache flush made every checkout request miss at once.',
      '',
      '## Impact',
      '',
      '- 18 % of checkouts failed for **2 hours**',
      '- see the [dashboard](https://grafana.example.com/d/checkout) and [this](javascript:window.__reviewXss=2)',
      '',
      '<script>window.__reviewXss = 1</script>',
      '<img src="x" onerror="window.__reviewXss = 3">',
      '',
      '## Follow-ups',
      '',
      '1. Stagger cache expiry',
    ].join('\n');
    await text.fill(body);
    await reviewSection.getByRole('checkbox', { name: /admin@example\.com/ }).check();
    await reviewSection.getByLabel('Due date').fill('2026-10-10');

    // the preview renders the same Markdown, without the HTML
    await reviewSection.getByRole('tab', { name: 'Preview' }).click();
    await reviewSection.getByRole('tabpanel').getByRole('heading', { name: 'Impact', level: 3 }).waitFor();
    await reviewSection.getByRole('tab', { name: 'Write' }).click();
    await reviewSection.screenshot({ path: path.join(SHOTS, 'review-editor-1440.png') });
    await page.screenshot({ path: path.join(SHOTS, 'review-editor-1440-page.png') });

    await reviewSection.getByRole('button', { name: 'Save draft' }).click();
    await reviewSection.getByRole('status').filter({ hasText: 'Draft saved.' }).waitFor({ timeout: 10_000 });
    await eventually(async () => (await review(earlier.id)).state, 'DRAFT');
    expect((await review(earlier.id)).reviewers).toEqual([{ email: 'admin@example.com' }]);

    await page.setViewportSize({ width: 390, height: 844 });
    await reviewSection.getByRole('button', { name: 'Send for review' }).waitFor();
    expect(await overflowing(page)).toEqual([]);
    await reviewSection.screenshot({ path: path.join(SHOTS, 'review-editor-390.png') });
    await page.screenshot({ path: path.join(SHOTS, 'review-editor-390-page.png') });
    await page.setViewportSize({ width: 1440, height: 900 });

    await reviewSection.getByRole('button', { name: 'Publish' }).click();
    await reviewSection.getByRole('status').filter({ hasText: 'Review published.' }).waitFor({ timeout: 10_000 });
    const saved = await review(earlier.id);
    expect(saved.state).toBe('PUBLISHED');
    expect(saved.publishedAt).not.toBeNull();
    expect(saved.body).toBe(body);

    // read as everyone reads it, after a reload
    await page.reload();
    await reviewSection.getByText('Published', { exact: true }).first().waitFor({ timeout: 30_000 });
    await reviewSection.getByRole('heading', { name: 'Impact', level: 3 }).waitFor();
    expect(await reviewSection.locator('strong').filter({ hasText: '2 hours' }).count()).toBe(1);
    expect(await reviewSection.getByRole('link', { name: 'dashboard' }).getAttribute('href')).toBe(
      'https://grafana.example.com/d/checkout',
    );
    expect(await reviewSection.locator('a', { hasText: 'this' }).count()).toBe(0); // the javascript: link is text
    expect(await page.locator('main script, main img, main [onerror]').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __reviewXss?: number }).__reviewXss)).toBeUndefined();
    expect(await reviewSection.textContent()).not.toContain('__reviewXss = 1');
    expect(await reviewSection.locator('.review-facts').textContent()).not.toContain('none yet'); // the reviewer is listed
    await reviewSection.screenshot({ path: path.join(SHOTS, 'review-published-1440.png') });
    await page.screenshot({ path: path.join(SHOTS, 'review-published-1440-page.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowing(page)).toEqual([]);
    await reviewSection.screenshot({ path: path.join(SHOTS, 'review-published-390.png') });
    await page.screenshot({ path: path.join(SHOTS, 'review-published-390-page.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
    // completion moved on the overview
    expect(await completion()).toMatch(/^1 of 1 published \(100 %\)/);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('marks a repeat by its title and follows the link to the earlier incident, which says it came back', async () => {
    await page.goto(`${server.url}/incidents/${later.id}`);
    const header = page.locator('header.incident-header');
    await header.getByText('Repeat', { exact: true }).waitFor({ timeout: 30_000 });
    const link = header.getByRole('link', { name: `repeats ${earlier.key} E2E: cache stampede on checkout` });
    expect(await header.locator('.repeat-of').textContent()).toBe(
      `repeats ${earlier.key} E2E: cache stampede on checkout (11 days earlier)`,
    );
    await page.screenshot({ path: path.join(SHOTS, 'repeat-header-1440.png') });
    await link.click();
    await page.waitForURL((u) => u.pathname === `/incidents/${earlier.id}`);
    await header.getByText('Came back once').waitFor({ timeout: 30_000 });
    expect(await header.getByText('Repeat', { exact: true }).count()).toBe(0);
    await header.getByRole('link', { name: `${later.key} E2E: cache stampede again` }).click();
    await page.waitForURL((u) => u.pathname === `/incidents/${later.id}`);
    expect(pageErrors).toEqual([]);
  });
  it('merges a stale review save with a colleague’s, field by field, against the API’s CONFLICT', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/incidents/${later.id}`);
    const reviewSection = section(page, 'Review');
    await reviewSection.getByRole('button', { name: 'Write the review' }).click();
    await reviewSection.getByLabel('Review (Markdown)').fill('## Summary\n\nMy account of the second stampede.');
    // a colleague saves the first version meanwhile
    const colleague = await gql(
      server.url,
      'mutation($id:ID!,$i:UpdatePostMortemInput!){ updatePostMortem(incidentId:$id, input:$i){ version } }',
      { id: later.id, i: { expectedVersion: 0, body: '## Summary\n\nTheir account.', dueAt: '2026-10-20T12:00:00Z' } },
      token,
    );
    expect(colleague.errors).toBeUndefined();
    await reviewSection.getByRole('button', { name: 'Save draft' }).click();

    const panel = page.getByRole('region', { name: /Someone else changed this review/ });
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.getByRole('row').filter({ hasText: 'Review text' }).textContent()).toContain('Their account.');
    expect(await panel.textContent()).toContain('Due date:'); // theirs only, kept
    expect(await overflowing(page)).toEqual([]);
    await panel.screenshot({ path: path.join(SHOTS, 'review-merge-390.png') });
    await panel.getByRole('radio', { name: 'Keep yours for Review text' }).check();
    await panel.getByRole('button', { name: 'Save merged version' }).click();
    await reviewSection.getByRole('status').filter({ hasText: 'Review saved.' }).waitFor({ timeout: 10_000 });
    const saved = (
      await gql(server.url, 'query($id:ID!){ incident(id:$id){ postMortem{ body version dueAt state } } }', { id: later.id }, token)
    ).data.incident.postMortem;
    expect(saved).toEqual({
      body: '## Summary\n\nMy account of the second stampede.',
      version: 2,
      dueAt: '2026-10-20T12:00:00.000Z',
      state: 'DRAFT',
    });
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(pageErrors).toEqual([]);
  });

  it('an admin narrows the repeat window in Settings, and the later incident is no longer a repeat', async () => {
    await page.goto(`${server.url}/settings?tab=loop`);
    const form = page.getByRole('form', { name: 'Reviews and repeats' });
    const windowDays = form.getByLabel('Repeat window (days)');
    await windowDays.waitFor({ timeout: 30_000 });
    expect(await windowDays.inputValue()).toBe('90');
    await windowDays.fill('5000');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('The repeat window must be a whole number of days from 1 to 3,650.').waitFor();
    await windowDays.fill('11'); // 11 days 23 hours apart: outside
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 10_000 });
    await form.screenshot({ path: path.join(SHOTS, 'loop-settings-1440.png') });
    const settings = (await gql(server.url, '{ loopSettings { repeatWindowDays reviewDueDays reviewSeverities } }', {}, token)).data
      .loopSettings;
    expect(settings).toEqual({ repeatWindowDays: 11, reviewDueDays: 5, reviewSeverities: ['SEV1', 'SEV2'] });

    await page.goto(`${server.url}/incidents/${later.id}`);
    await section(page, 'Review').getByText('Draft', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await page.locator('header.incident-header').getByText('Repeat', { exact: true }).count()).toBe(0);
    expect(await page.locator('header.incident-header .repeat-links').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
