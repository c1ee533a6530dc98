import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { periodNames } from '../../src/digests/digest-content';
import { DigestsService } from '../../src/digests/digests.service';
import { coveredPeriod, nextRunAfter } from '../../src/digests/digest-schedule';
import { APP_CONFIG, AppConfig, loadConfig } from '../../src/config';
import { SecretBox } from '../../src/sources/secret-box';
import { JobsService } from '../../src/jobs/jobs.service';
import { createIncident, createWorld, World } from '../factories/incidents';
import { startTestApp, TestApp } from '../harness';
import { SmtpCapture, WebhookReceiver } from '../support/digest-receivers';

const SMTP_USER = 'digest-user';
const SMTP_PASS = 'S3cret-Smtp-Pass';
const PASSWORD = 'Pass-word-12345';
const KEY = 'digest test key, long enough to be a passphrase';
const DAY = 86_400_000;
const MIN = 60_000;

const DIGEST = `id name schedule channel target nextRunAt createdBy { id email }
  filter { teamIds serviceIds severities rootCauseIds sourceIds confirmedOnly }
  lastDelivery { id status attempt error periodFrom periodTo trigger startedAt finishedAt }`;
const CREATE = `mutation($i:CreateDigestInput!){ createDigest(input:$i){ ${DIGEST} } }`;
const SEND = `mutation($id:ID!){ sendDigest(id:$id){ id status attempt trigger periodFrom periodTo digest { id } } }`;
const code = (r: { errors?: Array<{ extensions?: { code?: string } }> }) => r.errors?.[0]?.extensions?.code ?? 'OK';
const fields = (r: { errors?: Array<{ extensions?: { fields?: string[] } }> }) => r.errors?.[0]?.extensions?.fields ?? [];
const iso = (ms: number) => new Date(ms).toISOString();
/** `~` is a non-breaking space (U+00A0) in the expectations; `−` is U+2212. */
const n = (s: string) => s.replace(/~/g, '\u00a0');

/**
 * Digests end to end: the app runs its jobs (pg-boss workers, HINDSIGHT_RUN_JOBS=true), mail goes to a real SMTP
 * server on loopback, webhooks to a real HTTP server on loopback.
 *
 * Fixture (WEEKLY, the last complete week W = [from, to) before now; the week P before it), team Playback:
 *   W: I1 started from+1d, mitigated +40 min, resolved +60 min; I2 from+2d, +90 / +120 (primary cause set);
 *      I3 from+3d, +20 / +30.   P: P1 from−5d, +60 / +90.   Another team's incident in W (filtered out): +300 / +600.
 * Hand-computed for the filter teamIds = [Playback]:
 *   incidents 3 (previous 1, change +2 (+200.0 %)); time to resolve [30, 60, 120]: median 60 min = 1.00 h,
 *   mean 70 min = 1.17 h, p90 (continuous) 60 + 0.8 × 60 = 108 min = 1.80 h; previous median 90 min = 1.50 h;
 *   downtime 40 + 90 + 20 = 150 min = 2.50 h (previous 60 min = 1.00 h, change +1.50 h (+150.0 %)).
 *   What to fix next: the cause of I2, 1.50 h of downtime over 1 incident (33 % of incidents).
 */
describe('digests (email through real SMTP, webhooks to a real HTTP server, as jobs)', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let hooks: WebhookReceiver;
  let w: World;
  let other: World;
  let admin: string;
  let causeName: string;
  let teamName: string;
  const { from, to } = coveredPeriod('WEEKLY', new Date());
  const f = from.getTime();

  const digestOf = async (id: string) => (await t.ok(`query{ digests{ ${DIGEST} } }`, {}, admin)).digests.find((d: any) => d.id === id);
  /** Polls the delivery until it ends (SENT or FAILED), recording every status seen on the way. */
  const waitForEnd = async (digestId: string, deliveryId: string) => {
    const seen: string[] = [];
    const deadline = Date.now() + 50_000;
    for (;;) {
      const d = await digestOf(digestId);
      const last = d.lastDelivery;
      expect(last.id).toBe(deliveryId);
      if (seen[seen.length - 1] !== last.status) seen.push(last.status);
      if (last.status === 'SENT' || last.status === 'FAILED') return { delivery: last, seen };
      if (Date.now() > deadline) {
        const jobs = await t.db.query(
          `SELECT name, state, retry_count, output FROM ${t.app.get(JobsService).jobTable} WHERE name LIKE 'digest%'`,
        );
        throw new Error(`delivery ${deliveryId} still ${last.status} after 50 s (seen ${seen.join(' → ')}); jobs ${JSON.stringify(jobs)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const create = async (input: Record<string, unknown>) =>
    (await t.ok(CREATE, { i: { schedule: 'WEEKLY', filter: { teamIds: [w.teamId] }, ...input } }, admin)).createDigest;

  beforeAll(async () => {
    smtp = await SmtpCapture.start(SMTP_USER, SMTP_PASS);
    hooks = await WebhookReceiver.start();
    t = await startTestApp({
      env: {
        HINDSIGHT_RUN_JOBS: 'true',
        HINDSIGHT_SMTP_URL: `smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${smtp.port}?from=digests@hindsight.test`,
        HINDSIGHT_PUBLIC_URL: 'https://hindsight.example.com',
        HINDSIGHT_DIGEST_RETRY_SECONDS: '1',
        HINDSIGHT_SECRET_KEY: KEY,
      },
    });
    w = await createWorld(t, 'Playback');
    other = await createWorld(t, 'Elsewhere');
    admin = w.token;
    const [cause] = await t.db.query(`SELECT id, name FROM root_cause WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1`);
    causeName = cause.name;
    teamName = (await t.db.query(`SELECT name FROM team WHERE id = $1`, [w.teamId]))[0].name;
    const at = (start: number, mitigated: number, resolved: number, over: Record<string, unknown> = {}) => ({
      startedAt: iso(start),
      detectedAt: iso(start + 5 * MIN),
      acknowledgedAt: iso(start + 10 * MIN),
      mitigatedAt: iso(start + mitigated * MIN),
      resolvedAt: iso(start + resolved * MIN),
      ...over,
    });
    const h10 = 10 * 3600_000;
    await createIncident(t, w, at(f + DAY + h10, 40, 60, { title: 'W1' }));
    await createIncident(t, w, at(f + 2 * DAY + h10, 90, 120, { title: 'W2', primaryCauseId: String(cause.id) }));
    await createIncident(t, w, at(f + 3 * DAY + h10, 20, 30, { title: 'W3' }));
    await createIncident(t, w, at(f - 5 * DAY + h10, 60, 90, { title: 'P1' }));
    await createIncident(t, other, at(f + DAY + h10, 300, 600, { title: 'Other team' }));
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await hooks?.close();
  });

  it('createDigest stores the digest as given, with its next run; digests lists it; creation and deletion are audited', async () => {
    const before = Date.now();
    const d = await create({ name: 'Weekly ops', channel: 'EMAIL', target: 'a@example.com,  b@example.com' });
    expect(d).toMatchObject({
      name: 'Weekly ops',
      schedule: 'WEEKLY',
      channel: 'EMAIL',
      target: 'a@example.com, b@example.com',
      filter: { teamIds: [w.teamId], serviceIds: null, severities: null, rootCauseIds: null, sourceIds: null, confirmedOnly: null },
      createdBy: { email: 'admin@example.com' },
      lastDelivery: null,
    });
    const next = Date.parse(d.nextRunAt);
    expect(next).toBe(nextRunAfter('WEEKLY', new Date(next - 7 * DAY)).getTime());
    expect(next).toBeGreaterThan(before);
    expect(next - before).toBeLessThanOrEqual(7 * DAY);
    expect(new Date(next).getUTCDay()).toBe(1);
    expect(new Date(next).getUTCHours()).toBe(8);
    expect(await t.ok(`mutation($id:ID!){ deleteDigest(id:$id) }`, { id: d.id }, admin)).toEqual({ deleteDigest: true });
    expect(await digestOf(d.id)).toBeUndefined();
    const audit = await t.db.query(`SELECT action FROM audit_entry WHERE entity_type = 'Digest' AND entity_id = $1 ORDER BY id`, [d.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['digest.create', 'digest.delete']);
    const [deleted] = await t.db.query(`SELECT changes FROM audit_entry WHERE action = 'digest.delete' AND entity_id = $1`, [d.id]);
    expect(deleted.changes).toMatchObject({ name: 'Weekly ops', channel: 'EMAIL', target: 'a@example.com, b@example.com' });
    expect(code(await t.gql(`mutation($id:ID!){ deleteDigest(id:$id) }`, { id: d.id }, admin))).toBe('NOT_FOUND');
  });

  it('refuses invalid input naming the field', async () => {
    const bad = async (input: Record<string, unknown>) => {
      const r = await t.gql(CREATE, { i: { name: 'X', schedule: 'WEEKLY', channel: 'EMAIL', target: 'a@example.com', ...input } }, admin);
      return [code(r), fields(r)];
    };
    expect(await bad({ target: 'not-an-address' })).toEqual(['BAD_USER_INPUT', ['target']]);
    expect(await bad({ target: 'a@example.com,,b@example.com' })).toEqual(['BAD_USER_INPUT', ['target']]);
    expect(await bad({ target: 'https://hooks.example.com/x' })).toEqual(['BAD_USER_INPUT', ['target']]);
    expect(await bad({ channel: 'WEBHOOK', target: 'ftp://hooks.example.com/x' })).toEqual(['BAD_USER_INPUT', ['target']]);
    expect(await bad({ channel: 'WEBHOOK', target: 'a@example.com' })).toEqual(['BAD_USER_INPUT', ['target']]);
    expect(await bad({ channel: 'WEBHOOK', target: 'https://user:pw@hooks.example.com/x' })).toEqual(['BAD_USER_INPUT', ['target']]);
    expect(await bad({ name: '   ' })).toEqual(['BAD_USER_INPUT', ['name']]);
    expect(await bad({ filter: { from: '2026-01-01T00:00:00Z' } })).toEqual(['BAD_USER_INPUT', ['filter.from']]);
    expect(await bad({ filter: { teamIds: ['abc'] } })).toEqual(['BAD_USER_INPUT', ['filter.teamIds']]);
    expect(await t.db.query(`SELECT id FROM digest WHERE name = 'X'`)).toEqual([]);
  });

  it('is for admins only: FORBIDDEN for a responder and a viewer', async () => {
    const tokens: string[] = [];
    for (const role of ['RESPONDER', 'VIEWER']) {
      const email = `${role.toLowerCase()}@example.com`;
      await t.ok(
        `mutation($i:CreateUserInput!){ createUser(input:$i){ id } }`,
        { i: { email, password: PASSWORD, role, teamIds: [w.teamId] } },
        admin,
      );
      tokens.push(await t.login(email, PASSWORD));
    }
    const d = await create({ name: 'Admins only', channel: 'WEBHOOK', target: hooks.on('/never', () => ({ status: 200 })) });
    for (const token of tokens) {
      expect(code(await t.gql(`query{ digests{ id } }`, {}, token))).toBe('FORBIDDEN');
      expect(code(await t.gql(CREATE, { i: { name: 'Y', schedule: 'WEEKLY', channel: 'EMAIL', target: 'a@example.com' } }, token))).toBe(
        'FORBIDDEN',
      );
      expect(code(await t.gql(SEND, { id: d.id }, token))).toBe('FORBIDDEN');
      expect(code(await t.gql(`mutation($id:ID!){ deleteDigest(id:$id) }`, { id: d.id }, token))).toBe('FORBIDDEN');
    }
    await t.ok(`mutation($id:ID!){ deleteDigest(id:$id) }`, { id: d.id }, admin);
    expect(hooks.to('/never')).toEqual([]);
  });

  it('EMAIL: sendDigest mails the headline numbers of the last complete week, with the report PDF attached', async () => {
    const d = await create({ name: 'Ops weekly', channel: 'EMAIL', target: 'lead@example.com, cto@example.com' });
    const queued = (await t.ok(SEND, { id: d.id }, admin)).sendDigest;
    expect(queued).toMatchObject({
      status: 'QUEUED',
      attempt: 0,
      trigger: 'MANUAL',
      periodFrom: from.toISOString(),
      periodTo: to.toISOString(),
      digest: { id: d.id },
    });
    const { delivery } = await waitForEnd(d.id, queued.id);
    expect(delivery).toMatchObject({ status: 'SENT', attempt: 1, error: null });
    expect(Date.parse(delivery.finishedAt)).toBeGreaterThanOrEqual(Date.parse(delivery.startedAt));

    expect(smtp.logins).toEqual([{ username: SMTP_USER, ok: true }]);
    expect(smtp.messages).toHaveLength(1);
    const { mail, envelopeTo } = smtp.messages[0];
    expect(envelopeTo.sort()).toEqual(['cto@example.com', 'lead@example.com']);
    expect(mail.from?.value[0].address).toBe('digests@hindsight.test');
    const lastDay = new Date(to.getTime() - DAY).toISOString().slice(0, 10);
    const week = periodNames(from.toISOString(), to.toISOString());
    const before = periodNames(new Date(from.getTime() - 7 * DAY).toISOString(), from.toISOString());
    expect(week.short).toMatch(/^Week of \d{1,2} [A-Z][a-z]{2}$/);
    expect(mail.subject).toBe(`Ops weekly: reliability, ${week.long}`);
    const text = mail.text ?? '';
    expect(text).toContain(`Covers ${from.toISOString().slice(0, 10)} to ${lastDay} (UTC), compared with ${before.long}.`);
    expect(text).toContain(`Scope: Teams: ${teamName}.`);
    expect(text).toContain(n(`Incidents: 3 (${before.short}: 1; change +2 (+200.0~%), ▲~worse)`));
    expect(text).toContain(n(`Median time to resolve: 1.00~h (${before.short}: 1.50~h; change −30.0~min (−33.3~%), ▼~better)`));
    expect(text).toContain(n('p90 time to resolve: 1.80~h'));
    expect(text).toContain(n('MTTR (mean time to resolve): 1.17~h'));
    expect(text).toContain(n(`Downtime (sum): 2.50~h (${before.short}: 1.00~h; change +1.50~h (+150.0~%), ▲~worse)`));
    expect(text).toContain('Services within SLO');
    expect(text).toContain('Closing the loop\n- Reviews published: ');
    expect(text).toContain(n(`- Repeat incidents: 0 (0.0~%) (${before.short}: 0 (0.0~%); change ±0)`));
    expect(text).toContain('Incidents rose from 1 to 3');
    expect(text).toContain(n(`- ${causeName}: 1.50~h of downtime over 1 incident (33~% of incidents)`));
    expect(text).toContain(
      `Overview: https://hindsight.example.com/?period=custom&from=${from.toISOString().slice(0, 10)}&to=${lastDay}&team=${w.teamId}`,
    );
    expect(text).not.toContain('Other team');
    expect(mail.html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(mail.html).toContain(
      '<th scope="row" style="padding:4px 6px;vertical-align:top;border-bottom:1px solid #e3e5e8;text-align:left;font-weight:400">Incidents</th>',
    );
    expect(mail.html).toContain('href="https://hindsight.example.com/?period=custom');
    expect(mail.attachments).toHaveLength(1);
    const [pdf] = mail.attachments;
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.filename).toBe(`reliability-${week.short.replace(/ /g, '-')}.pdf`);
    expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.content.length).toBeGreaterThan(5000);
  });

  it('EMAIL: a wrong SMTP password is retried, then FAILED with the server’s refusal and never the password', async () => {
    const config = t.app.get<AppConfig>(APP_CONFIG);
    const kept = config.smtpUrl;
    config.smtpUrl = `smtp://${SMTP_USER}:Wrong-Pass-123@127.0.0.1:${smtp.port}`;
    try {
      const d = await create({ name: 'Bad login', channel: 'EMAIL', target: 'lead@example.com' });
      const queued = (await t.ok(SEND, { id: d.id }, admin)).sendDigest;
      const { delivery, seen } = await waitForEnd(d.id, queued.id);
      expect(delivery).toMatchObject({ status: 'FAILED', attempt: 3 });
      expect(seen).toContain('RETRYING');
      expect(delivery.error).toMatch(/SMTP server refused.*535/);
      expect(delivery.error).not.toContain('Wrong-Pass-123');
      expect(smtp.logins.filter((l) => !l.ok)).toHaveLength(3);
    } finally {
      config.smtpUrl = kept;
    }
  });

  it('EMAIL without HINDSIGHT_SMTP_URL: the delivery FAILS at once with a clear error', async () => {
    const config = t.app.get<AppConfig>(APP_CONFIG);
    const kept = config.smtpUrl;
    config.smtpUrl = undefined;
    try {
      const d = await create({ name: 'No SMTP', channel: 'EMAIL', target: 'lead@example.com' });
      const queued = (await t.ok(SEND, { id: d.id }, admin)).sendDigest;
      const { delivery, seen } = await waitForEnd(d.id, queued.id);
      expect(delivery).toMatchObject({ status: 'FAILED', attempt: 1 });
      expect(seen).not.toContain('RETRYING');
      expect(delivery.error).toContain('set HINDSIGHT_SMTP_URL');
    } finally {
      config.smtpUrl = kept;
    }
  });

  it('WEBHOOK: posts a Slack-compatible message (text, header/section/context blocks) with the numbers and a link', async () => {
    const path = '/services/T0001/B0002/slackXy9Q';
    const url = hooks.on(path, () => ({ status: 200, body: 'ok' }));
    const d = await create({ name: 'Slack weekly', channel: 'WEBHOOK', target: url });
    // the URL is a secret: shown masked (scheme, host, "…", its last 4 characters), stored sealed, audited masked
    const masked = `${hooks.url}/…Xy9Q`;
    expect(d.target).toBe(masked);
    expect((await digestOf(d.id)).target).toBe(masked);
    const [stored] = await t.db.query(`SELECT target, target_sealed FROM digest WHERE id = $1`, [d.id]);
    expect(stored.target).toBe(masked);
    expect(stored.target_sealed).toMatch(/^v1:/);
    expect(stored.target_sealed).not.toContain('slack');
    expect(new SecretBox(loadConfig({ DATABASE_URL: 'x', HINDSIGHT_SECRET_KEY: KEY })).open(stored.target_sealed)).toBe(url);
    const queued = (await t.ok(SEND, { id: d.id }, admin)).sendDigest;
    const { delivery } = await waitForEnd(d.id, queued.id);
    expect(delivery).toMatchObject({ status: 'SENT', attempt: 1, error: null });
    expect((await t.ok(`query{ digests{ id target } }`, {}, admin)).digests).toContainEqual({
      id: d.id,
      target: masked,
    });
    const audit = await t.db.query(
      `SELECT actor, actor_user_id, action, changes FROM audit_entry WHERE entity_type = 'Digest' AND entity_id = $1 ORDER BY id`,
      [d.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['digest.create', 'digest.send']);
    expect(audit[1]).toEqual({
      actor: 'admin@example.com',
      actor_user_id: expect.any(Number),
      action: 'digest.send',
      changes: {
        deliveryId: Number(queued.id),
        trigger: 'MANUAL',
        periodFrom: from.toISOString(),
        periodTo: to.toISOString(),
        name: 'Slack weekly',
        channel: 'WEBHOOK',
        target: masked,
      },
    });
    expect(JSON.stringify(audit)).not.toContain(path);
    const [req] = hooks.to(path);
    expect(req.headers['content-type']).toBe('application/json');
    const { text, blocks } = req.json;
    const week = periodNames(from.toISOString(), to.toISOString());
    expect(text).toBe(
      n(
        `Slack weekly: reliability, ${week.long}: Incidents 3 (+2 (+200.0~%) vs ${periodNames(new Date(from.getTime() - 7 * DAY).toISOString(), from.toISOString()).short})`,
      ),
    );
    expect(blocks.map((b: { type: string }) => b.type)).toEqual([
      'header',
      'context',
      'section',
      'section',
      'section',
      'section',
      'context',
    ]);
    expect(blocks[0].text).toEqual({ type: 'plain_text', text: `Slack weekly: reliability, ${week.long}` });
    expect(blocks[1].elements[0].text).toContain(`Scope: Teams: ${teamName}`);
    const headline = blocks[2].text.text;
    expect(headline).toContain(n('• Incidents: *3* (+2 (+200.0~%), ▲~worse)'));
    expect(headline).toContain(n('• Median time to resolve: *1.00~h* (−30.0~min (−33.3~%), ▼~better)'));
    expect(headline).toContain(n('• p90 time to resolve: *1.80~h*'));
    expect(headline).toContain(n('• Downtime (sum): *2.50~h* (+1.50~h (+150.0~%), ▲~worse)'));
    expect(blocks[3].text.text).toMatch(/^\*Closing the loop\*\n• Reviews published: /);
    expect(blocks[3].text.text).toContain(n('• Repeat incidents: *0 (0.0~%)* (±0)'));
    expect(blocks[4].text.text).toMatch(/^\*What changed most\*\n• Incidents rose from 1 to 3/);
    expect(blocks[5].text.text).toContain(n(`• *${causeName}*: 1.50~h of downtime over 1 incident`));
    expect(blocks[6].elements[0].text).toMatch(/^<https:\/\/hindsight\.example\.com\/\?period=custom&from=.*&team=\d+\|Open the overview>/);
  });

  it('WEBHOOK without HINDSIGHT_PUBLIC_URL: no link (the footer says how to get one); the scope named, an empty period said once', async () => {
    const config = t.app.get<AppConfig>(APP_CONFIG);
    const kept = config.publicUrl;
    config.publicUrl = undefined;
    try {
      const url = hooks.on('/nolink', () => ({ status: 200 }));
      const d = await create({ name: 'SEV1 only', channel: 'WEBHOOK', target: url, filter: { teamIds: [w.teamId], severities: ['SEV1'] } });
      const queued = (await t.ok(SEND, { id: d.id }, admin)).sendDigest;
      expect((await waitForEnd(d.id, queued.id)).delivery).toMatchObject({ status: 'SENT', error: null });
      const { text, blocks } = hooks.to('/nolink')[0].json;
      expect(JSON.stringify(blocks)).not.toContain('http');
      expect(blocks.at(-1).elements[0].text).toBe(
        'A link to the overview appears here once `HINDSIGHT_PUBLIC_URL` is set on the Hindsight server.',
      );
      expect(blocks[1].elements[0].text).toContain(`Scope: Teams: ${teamName} · Severities: SEV1`);
      // the week's incidents have the factory's severity, not SEV1: nothing counted
      expect(text).toMatch(/: no incidents in this period \(0 in Week of /);
      expect(blocks[2].text.text).toMatch(/^\*Headline numbers\*\nNo incidents in this period \(0 in Week of \d+ \w+\)\.$/);
    } finally {
      config.publicUrl = kept;
    }
  });

  it('WEBHOOK: an unreachable receiver FAILS with the network cause, never the URL', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const d = await create({ name: 'Gone', channel: 'WEBHOOK', target: `http://127.0.0.1:${port}/services/T0/B0/secret-path` });
    const queued = (await t.ok(SEND, { id: d.id }, admin)).sendDigest;
    const { delivery } = await waitForEnd(d.id, queued.id);
    expect(delivery).toMatchObject({ status: 'FAILED', attempt: 3 });
    expect(delivery.error).toBe(`The webhook could not be reached: connect ECONNREFUSED 127.0.0.1:${port}`);
  });

  it('WEBHOOK: a receiver that fails first is retried: RETRYING with the error, then SENT', async () => {
    const url = hooks.on('/flaky', (n) => (n === 1 ? { status: 500, body: 'upstream exploded' } : { status: 200 }));
    const d = await create({ name: 'Flaky', channel: 'WEBHOOK', target: url });
    const queued = (await t.ok(SEND, { id: d.id }, admin)).sendDigest;
    const { delivery, seen } = await waitForEnd(d.id, queued.id);
    expect(seen).toEqual(['QUEUED', 'RETRYING', 'SENT'].slice(seen[0] === 'QUEUED' ? 0 : 1));
    expect(delivery).toMatchObject({ status: 'SENT', attempt: 2, error: null });
    expect(hooks.to('/flaky')).toHaveLength(2);
    const rows = await t.db.query(`SELECT status, attempt FROM digest_delivery WHERE id = $1`, [queued.id]);
    expect(rows).toEqual([{ status: 'SENT', attempt: 2 }]);
  });

  it('WEBHOOK: a receiver that always fails ends FAILED after 3 attempts, the status code recorded and the body cut', async () => {
    const url = hooks.on('/down', () => ({ status: 503, body: `maintenance ${'x'.repeat(1000)}` }));
    const d = await create({ name: 'Down', channel: 'WEBHOOK', target: url });
    const queued = (await t.ok(SEND, { id: d.id }, admin)).sendDigest;
    const { delivery, seen } = await waitForEnd(d.id, queued.id);
    expect(seen).toContain('RETRYING');
    expect(delivery).toMatchObject({ status: 'FAILED', attempt: 3 });
    expect(delivery.error).toMatch(/^The webhook answered HTTP 503: maintenance x+…$/);
    expect(delivery.error.length).toBeLessThan(260);
    expect(hooks.to('/down')).toHaveLength(3);
    const listed = (await t.ok(`query{ digests{ id deliveries(first: 5){ id status } } }`, {}, admin)).digests;
    expect(listed.find((x: { id: string }) => x.id === d.id).deliveries).toEqual([{ id: queued.id, status: 'FAILED' }]);
  });

  it('the schedule queues a delivery for each digest whose next run has passed and moves the next run on', async () => {
    const url = hooks.on('/scheduled', () => ({ status: 200 }));
    const due = await create({ name: 'Due', channel: 'WEBHOOK', target: url });
    const later = await create({ name: 'Later', channel: 'WEBHOOK', target: url, schedule: 'MONTHLY' });
    await t.db.query(`UPDATE digest SET next_run_at = now() - interval '1 hour' WHERE id = $1`, [due.id]);
    const now = new Date();
    const queued = await t.app.get(DigestsService).tick(now);
    expect(queued.map((q) => [String(q.digest_id), q.trigger, q.period_from.toISOString(), q.period_to.toISOString()])).toEqual([
      [due.id, 'SCHEDULE', from.toISOString(), to.toISOString()],
    ]);
    const [row] = await t.db.query(`SELECT next_run_at FROM digest WHERE id = $1`, [due.id]);
    expect(row.next_run_at.toISOString()).toBe(nextRunAfter('WEEKLY', now).toISOString());
    expect(await t.app.get(DigestsService).tick(now)).toEqual([]); // not due any more
    const { delivery } = await waitForEnd(due.id, String(queued[0].id));
    expect(delivery).toMatchObject({ status: 'SENT', trigger: 'SCHEDULE' });
    expect(hooks.to('/scheduled')).toHaveLength(1);
    expect((await digestOf(later.id)).lastDelivery).toBeNull();
    // audited as the system, named after the digest (as sync runs are named after their source)
    const audit = await t.db.query(
      `SELECT actor, actor_user_id, changes FROM audit_entry WHERE action = 'digest.send' AND entity_id = $1`,
      [due.id],
    );
    expect(audit).toEqual([
      {
        actor: 'digest:Due',
        actor_user_id: null,
        changes: expect.objectContaining({ deliveryId: queued[0].id, trigger: 'SCHEDULE', periodFrom: from.toISOString() }),
      },
    ]);
    expect(await t.db.query(`SELECT id FROM audit_entry WHERE action = 'digest.send' AND entity_id = $1`, [later.id])).toEqual([]);
  });

  it('WEBHOOK: without a usable key a webhook digest is refused on target, and a URL sealed with another key FAILS at once', async () => {
    const box = t.app.get(SecretBox) as unknown as { key?: Buffer };
    const kept = box.key;
    box.key = undefined; // as on a server with DATABASE_URL and no HINDSIGHT_SECRET_KEY
    try {
      const r = await t.gql(
        CREATE,
        { i: { name: 'No key', schedule: 'WEEKLY', channel: 'WEBHOOK', target: hooks.on('/nokey', () => ({ status: 200 })) } },
        admin,
      );
      expect([code(r), fields(r)]).toEqual(['BAD_USER_INPUT', ['target']]);
      expect(r.errors?.[0]?.message).toMatch(/HINDSIGHT_SECRET_KEY/);
      expect(await t.db.query(`SELECT id FROM digest WHERE name = 'No key'`)).toEqual([]);
    } finally {
      box.key = kept;
    }
    const path = '/services/T0007/B0007/otherkeyPath';
    const d = await create({ name: 'Other key', channel: 'WEBHOOK', target: hooks.on(path, () => ({ status: 200 })) });
    const other = new SecretBox(loadConfig({ DATABASE_URL: 'x', HINDSIGHT_SECRET_KEY: 'another key, also long enough' }));
    await t.db.query(`UPDATE digest SET target_sealed = $2 WHERE id = $1`, [d.id, other.seal(`${hooks.url}${path}`)]);
    const queued = (await t.ok(SEND, { id: d.id }, admin)).sendDigest;
    const { delivery } = await waitForEnd(d.id, queued.id);
    expect(delivery).toMatchObject({ status: 'FAILED', attempt: 1 });
    expect(delivery.error).toMatch(/cannot be opened with the current HINDSIGHT_SECRET_KEY/);
    expect(delivery.error).not.toContain(path);
    expect(hooks.to(path)).toEqual([]);
  });

  it('WEBHOOK: a URL stored plain before digests sealed it is shown masked and still sent; the schedule seals it', async () => {
    const path = '/services/T0009/B0009/legacyAb12';
    const url = hooks.on(path, () => ({ status: 200 }));
    const [{ id: userId }] = await t.db.query(`SELECT id FROM app_user WHERE email = 'admin@example.com'`);
    const [{ id }] = await t.db.query(
      `INSERT INTO digest (name, schedule, channel, target, filter, created_by, next_run_at)
       VALUES ('Legacy', 'WEEKLY', 'WEBHOOK', $1, $2, $3, now() + interval '7 days') RETURNING id`,
      [url, JSON.stringify({ teamIds: [w.teamId] }), userId],
    );
    const masked = `${hooks.url}/…Ab12`;
    expect((await digestOf(String(id))).target).toBe(masked);
    const first = (await t.ok(SEND, { id: String(id) }, admin)).sendDigest;
    expect((await waitForEnd(String(id), first.id)).delivery).toMatchObject({ status: 'SENT', error: null });
    const [entry] = await t.db.query(`SELECT changes FROM audit_entry WHERE action = 'digest.send' AND entity_id = $1`, [String(id)]);
    expect(entry.changes.target).toBe(masked);

    expect(await t.app.get(DigestsService).tick(new Date())).toEqual([]); // nothing due; the plain URL sealed on the way
    const [row] = await t.db.query(`SELECT target, target_sealed FROM digest WHERE id = $1`, [id]);
    expect(row.target).toBe(masked);
    expect(new SecretBox(loadConfig({ DATABASE_URL: 'x', HINDSIGHT_SECRET_KEY: KEY })).open(row.target_sealed)).toBe(url);
    expect(await t.app.get(DigestsService).sealPlainTargets()).toBe(0); // nothing left plain
    expect((await digestOf(String(id))).target).toBe(masked);
    const second = (await t.ok(SEND, { id: String(id) }, admin)).sendDigest;
    expect((await waitForEnd(String(id), second.id)).delivery).toMatchObject({ status: 'SENT', error: null });
    expect(hooks.to(path)).toHaveLength(2);
  });
});
