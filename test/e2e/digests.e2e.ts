import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';
import { adminToken, BrowserPage, signedInBrowser, overflowing } from './chromium';
import { gql, startServer, StartedServer } from './server';

/** A real HTTP receiver on loopback: answers every POST with `status` (and `body`) and keeps what it was sent. */
async function receiver(
  status: number,
  body = '',
): Promise<{ url: string; posts: Array<{ type: string; json: any }>; close(): Promise<void> }> {
  const posts: Array<{ type: string; json: any }> = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if (req.method === 'POST') posts.push({ type: String(req.headers['content-type']), json: JSON.parse(raw || 'null') });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    posts,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('Settings → Digests in Chromium: webhook digests sent now, to a receiver that takes them and one that refuses', () => {
  let server: StartedServer;
  let browser: BrowserPage;
  let page: Page;
  let ok: Awaited<ReturnType<typeof receiver>>;
  let failing: Awaited<ReturnType<typeof receiver>>;
  let team: { id: string; name: string };
  const errors: string[] = [];

  beforeAll(async () => {
    ok = await receiver(200, 'ok');
    failing = await receiver(500, 'receiver is down');
    // Jobs run in this server; a failed delivery is retried after 1 s, then 2 s (three attempts in all).
    server = await startServer({ HINDSIGHT_RUN_JOBS: 'true', HINDSIGHT_DIGEST_RETRY_SECONDS: '1', HINDSIGHT_JOB_POLL_SECONDS: '1' });
    const teams = await gql(server.url, '{ teams { id name } }', {}, await adminToken(server.url));
    team = teams.data.teams[0];
    browser = await signedInBrowser(server.url);
    page = browser.page;
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await ok?.close();
    await failing?.close();
  });

  const card = (name: string): Locator => page.getByRole('article', { name });
  const form = () => page.getByRole('form', { name: 'New digest' });
  const fieldError = (label: string) =>
    form()
      .locator('.form-field', { has: page.getByLabel(label) })
      .locator('.field-error');

  async function createWebhookDigest(name: string, url: string) {
    await page.getByRole('button', { name: 'New digest' }).click();
    await form().getByLabel('Name').fill(name);
    await form().getByLabel('Channel').selectOption('WEBHOOK');
    await form().getByLabel('Webhook URL').fill(url);
    await form().getByRole('button', { name: 'Create digest' }).click();
    await page.getByText(`Created ${name}.`).waitFor();
  }

  it('creates a webhook digest for one team, sends it now and shows it SENT; the receiver got text and blocks', async () => {
    await page.goto(`${server.url}/settings?tab=digests`);
    await page.getByRole('tab', { name: 'Digests', selected: true }).waitFor();
    await page.getByText('No digests yet.').waitFor();
    await page.getByRole('button', { name: 'New digest' }).click();

    // The client asks for what is missing; the server's refusal shows next to the field it names.
    await form().getByRole('button', { name: 'Create digest' }).click();
    await fieldError('Name').getByText('Give the digest a name.').waitFor();
    await form().getByLabel('Name').fill('Payments weekly');
    await form().getByLabel('Email addresses').fill('leads@example.com, not-an-address');
    expect(await form().getByText('One or more addresses separated by commas').count()).toBe(1);
    await form().getByRole('button', { name: 'Create digest' }).click();
    await fieldError('Email addresses').getByText('target: "not-an-address" is not an email address').waitFor();
    expect(await form().getByLabel('Email addresses').getAttribute('aria-invalid')).toBe('true');

    // Switching the channel switches the target's label and hint.
    await form().getByLabel('Channel').selectOption('WEBHOOK');
    await form().getByLabel('Webhook URL').fill('ftp://example.com/hook');
    await form().getByRole('button', { name: 'Create digest' }).click();
    await fieldError('Webhook URL').getByText('target must be an http(s) URL for a WEBHOOK digest').waitFor();
    expect(
      await form()
        .getByText(/An https URL \(e\.g\. a Slack incoming webhook\)/)
        .count(),
    ).toBe(1);
    await form().getByLabel('Webhook URL').fill(ok.url);

    // The filter: one team, with the keyboard (Space ticks, Escape closes), and the summary says so in words.
    await form().getByRole('button', { name: 'Teams' }).click();
    await form().getByRole('group', { name: 'Teams' }).getByRole('checkbox', { name: team.name }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Escape');
    await form().getByRole('button', { name: 'Teams (1)' }).waitFor();
    await form().getByText(`Team ${team.name}. The period is the schedule’s.`).waitFor();
    await form().getByLabel('Schedule').selectOption('MONTHLY');
    await form().getByRole('button', { name: 'Create digest' }).click();
    await page.getByText('Created Payments weekly.').waitFor();

    const c = card('Payments weekly');
    // the webhook URL is a secret: the card shows it masked (scheme and host; this one's path is too short to show its end)
    expect(await c.innerText()).toContain(`${new URL(ok.url).origin}/…`);
    expect(await c.innerText()).not.toContain(ok.url);
    expect(await c.innerText()).toContain(`Team ${team.name}`);
    expect(await c.innerText()).toContain('Monthly (the 1st, the month before)');
    await c.getByText('Not sent yet.').waitFor();

    await c.getByRole('button', { name: 'Send now' }).click();
    await c.getByRole('button', { name: 'Sending…' }).waitFor();
    await c.locator('.badge.delivery-good', { hasText: 'Sent' }).waitFor({ timeout: 60_000 });
    await c.getByRole('button', { name: 'Send now' }).waitFor();
    expect(ok.posts).toHaveLength(1);
    const [post] = ok.posts;
    expect(post.type).toMatch(/^application\/json/);
    expect(typeof post.json.text).toBe('string');
    expect(post.json.text).toContain('Payments weekly');
    expect(Array.isArray(post.json.blocks)).toBe(true);
    expect(post.json.blocks.length).toBeGreaterThan(0);

    await c.getByRole('button', { name: 'Deliveries' }).click();
    const history = c.getByRole('table', { name: 'Deliveries of Payments weekly' });
    await history.getByRole('row').nth(1).waitFor();
    expect(await history.getByRole('row').count()).toBe(2);
    expect(await history.getByRole('row').nth(1).innerText()).toMatch(/^Sent\s+1\s+\d{2} \w{3} \d{4} – \d{2} \w{3} \d{4}\s+Send now/);
    expect(errors).toEqual([]);
  });

  it('sends to a receiver that answers 500: retried, then FAILED with the error shown, by keyboard', async () => {
    await createWebhookDigest('Broken hook', failing.url);
    const c = card('Broken hook');
    await c.getByText('All incidents').waitFor();
    await c.getByRole('button', { name: 'Send now' }).focus();
    await page.keyboard.press('Enter');
    await c.locator('.badge.delivery-bad', { hasText: 'Failed' }).waitFor({ timeout: 60_000 });
    expect(failing.posts).toHaveLength(3); // the first attempt and two retries
    await c.locator('.digest-error').getByText('The webhook answered HTTP 500: receiver is down').waitFor();
    expect(await c.locator('.digest-last').innerText()).toContain('attempt 3');

    await c.getByRole('button', { name: 'Deliveries' }).click();
    const row = c.getByRole('table', { name: 'Deliveries of Broken hook' }).getByRole('row').nth(1);
    await row.getByText('Failed').waitFor();
    expect(await row.innerText()).toMatch(/^Failed\s+3\s+.*The webhook answered HTTP 500: receiver is down$/s);

    // Nothing widens the page at a phone's width, with the history open.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowing(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(errors).toEqual([]);
  });

  it('deletes a digest after confirming', async () => {
    const c = card('Broken hook');
    await c.getByRole('button', { name: 'Delete' }).click();
    const confirm = c.getByRole('group', { name: 'Delete Broken hook' });
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    expect(await confirm.count()).toBe(0);
    await c.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Delete digest' }).click();
    await page.getByText('Deleted Broken hook.').waitFor();
    await card('Broken hook').waitFor({ state: 'detached' });
    await card('Payments weekly').waitFor();
    const left = await gql(server.url, '{ digests { name } }', {}, await adminToken(server.url));
    expect(left.data.digests).toEqual([{ name: 'Payments weekly' }]);
    expect(errors).toEqual([]);
  });
});
