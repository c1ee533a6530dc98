import { RepeatsRepository } from '../../src/repeats/repeats.repository';
import { createIncident, createWorld, World } from '../factories/incidents';
import { startTestApp, TestApp } from '../harness';
import { countStatements } from '../support/count-statements';
import { seeded } from '../support/standins/standin-server';

/*
 * SPEC §6 repeats and fixes that did not hold, against a real PostgreSQL, every expectation worked out by hand.
 * T0 = 2026-01-01T00:00Z. T0 + 89 d = Mar 31, + 90 d = Apr 1, + 91 d = Apr 2 (Jan 31 + Feb 28 + Mar 31 days).
 *
 * Repeats (all team A unless said; DNS unless said; each scenario on its own service):
 *   edges   sX: PX at T0, QX at T0 + X days for X = 89, 90, 91; sMs: Pms at T0, Qms at T0 + 90 d + 1 ms
 *           → Q89 and Q90 repeat, Q91 and Qms do not.
 *   not     sN: N1 T0 DNS; N2 T0+10d CDN (other cause); sN2: N3 T0+20d DNS (other service);
 *           sN: N4 T0+30d DNS near miss; N5 T0+40d DNS excluded → none repeats.
 *   latest  sL (CDN): L1 T0, L2 T0+10d, L3 T0+20d → L2 repeats L1; L3 repeats L2 (the latest), L1.repeatedBy = [L2, L3].
 *   private sP: P1 T0 private of team B; P2 T0+5d public of team A → P2 repeats P1 for the admin and team B only.
 * Counted incidents in [Jan 1, Jul 1): 8 + 3 + 3 + 2 = 16 (admin), 15 for a viewer of team A (P1 hidden).
 * Repeating: admin Q89, Q90, L2, L3, P2 = 5 (DNS 3, CDN 2); team-A viewer Q89, Q90, L2, L3 = 4 (CDN 2, DNS 2).
 * Months (admin): Jan 12 incidents (P×4, N1–N3, L1–L3, P1, P2), repeats L2 L3 P2 = 3; Feb 0/0 (N5 excluded);
 *   Mar Q89 1/1; Apr Q90 Q91 Qms, 1 repeat of 3.
 *
 * Fixes (from T1 = 2026-08-01; their own services fA, fB): F0 at T1 on fA, DNS, with action items
 *   a1 PREVENT DONE DNS completed Aug 10; a2 PREVENT OPEN DNS; a3 DETECT DONE DNS; a4 PREVENT DONE Network (category)
 *   completed Aug 10; a5 PREVENT DONE DNS completed Sep 20.
 * Later: F3 Aug 5 fA DNS (before completedAt); F1 Aug 20 fA DNS; F2 Sep 1 fB DNS (other service); F6 Sep 5 fA CDN (under
 *   Network); F4 Sep 10 fA Software bug; F5 Sep 15 fA DNS near miss.
 *   → a4: [F1, F6], a1: [F1]; a2, a3 (not DONE / not PREVENT) and a5 (nothing after) are not listed.
 * Privacy: G0 (private, team B) on gA with g1 PREVENT DONE DNS completed Aug 2, then G1 Aug 3 public on gA;
 *   H0 public on hA with h1 PREVENT DONE DNS completed Aug 2, then H1 Aug 4 private (team B) on hA
 *   → the admin sees g1 [G1] and h1 [H1]; a viewer of team A sees neither (one's item, the other's later incident hidden).
 *   With the filter teamIds [A] (the later incident must be of team A, the item's incident need not): a4, a1, g1.
 *
 * Caps (created by the last test, from T2 = 2025-06-01, service cA, DNS): C0 at T2 with c1 PREVENT DONE DNS completed
 *   T2 + 1 d, c2 completed T2 + 2 d, c3 completed T2 + 13.5 d; then Cm (m = 1..21) at T2 + (3 + m) days → c1 and c2 have 21
 *   later incidents (C1..C21), c3 has 11 (C11..C21). Listed: c2, c1 (equal counts: completed last first), c3; 20 shown each.
 */

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const T1 = Date.parse('2026-08-01T00:00:00.000Z');
const T2 = Date.parse('2025-06-01T00:00:00.000Z');
const at = (ms: number) => new Date(ms).toISOString();
const window = (start: number) => ({
  startedAt: at(start),
  detectedAt: at(start + 60_000),
  acknowledgedAt: at(start + 2 * 60_000),
  mitigatedAt: at(start + 10 * 60_000),
  resolvedAt: at(start + 30 * 60_000),
});

const METRICS = `query($f:MetricsFilter){ reliabilityMetrics(filter:$f){ incidentCount
  repeats { count incidentCount share smallSample byRootCause { cause { id name } name count }
    trend(granularity: MONTH) { periodStart count incidentCount share } } } }`;
const REPEAT_OF = `query($id:ID!){ incident(id:$id){ key repeatOf { key } repeatedBy { key } } }`;

describe('repeat incidents and fixes that did not hold (SPEC §6)', () => {
  let t: TestApp;
  let w: World;
  let teamB: string;
  let viewerA: string;
  let viewerB: string;
  const cause: Record<string, string> = {};
  const inc: Record<string, { id: string; key: string }> = {};
  const items: Record<string, string> = {};

  const service = async (name: string, teamId = w.teamId) =>
    (
      await t.ok(
        `mutation($n:String!,$t:ID!){ createService(input:{name:$n, teamId:$t, slo:99.9}){ id } }`,
        { n: name, t: teamId },
        w.token,
      )
    ).createService.id as string;
  const make = async (name: string, serviceId: string, start: number, c: string, extra: Record<string, unknown> = {}) => {
    inc[name] = await createIncident(t, w, { title: name, serviceIds: [serviceId], primaryCauseId: cause[c], ...window(start), ...extra });
  };
  const user = async (email: string, teamId: string) => {
    await t.ok(
      `mutation($i:CreateUserInput!){ createUser(input:$i){ id } }`,
      { i: { email, password: 'Viewer-Password-2026', role: 'VIEWER', teamIds: [teamId] } },
      w.token,
    );
    return t.login(email, 'Viewer-Password-2026');
  };
  const metrics = async (from: string, to: string, token = w.token) => (await t.ok(METRICS, { f: { from, to } }, token)).reliabilityMetrics;
  const keys = (names: string[]) => names.map((n) => inc[n].key);
  const serviceId = async (name: string) => String((await t.db.query(`SELECT id FROM service WHERE name = $1`, [name]))[0].id);

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    teamB = (await t.ok(`mutation{ createTeam(input:{name:"Billing"}){ id } }`, {}, w.token)).createTeam.id;
    viewerA = await user('viewer-a@example.com', w.teamId);
    viewerB = await user('viewer-b@example.com', teamB);
    for (const c of (await t.ok(`{ rootCauses { id name } }`, {}, w.token)).rootCauses) cause[c.name] = c.id;

    for (const x of [89, 90, 91]) {
      const s = await service(`Edge ${x}`);
      await make(`P${x}`, s, T0, 'DNS');
      await make(`Q${x}`, s, T0 + x * DAY, 'DNS');
    }
    const sMs = await service('Edge 90 + 1 ms');
    await make('Pms', sMs, T0, 'DNS');
    await make('Qms', sMs, T0 + 90 * DAY + 1, 'DNS');

    const sN = await service('Not');
    const sN2 = await service('Not 2');
    await make('N1', sN, T0, 'DNS');
    await make('N2', sN, T0 + 10 * DAY, 'CDN');
    await make('N3', sN2, T0 + 20 * DAY, 'DNS');
    await make('N4', sN, T0 + 30 * DAY, 'DNS', { kind: 'NEAR_MISS' });
    await make('N5', sN, T0 + 40 * DAY, 'DNS', { excludeFromMetrics: true });

    const sL = await service('Latest');
    await make('L1', sL, T0, 'CDN');
    await make('L2', sL, T0 + 10 * DAY, 'CDN');
    await make('L3', sL, T0 + 20 * DAY, 'CDN');

    const sP = await service('Shared');
    await make('P1', sP, T0, 'DNS', { private: true, teamId: teamB });
    await make('P2', sP, T0 + 5 * DAY, 'DNS');

    const fA = await service('Fix A');
    const fB = await service('Fix B');
    await make('F0', fA, T1, 'DNS');
    const item = async (name: string, type: string, c: string, status: string, completed: number | null, of = 'F0') => {
      const d = await t.ok(
        `mutation($i:CreateActionItemInput!){ createActionItem(input:$i){ id } }`,
        { i: { incidentId: inc[of].id, title: name, type, causeId: cause[c] } },
        w.token,
      );
      items[name] = d.createActionItem.id;
      // completedAt is set to now by the API: put it where the scenario needs it
      await t.db.query(`UPDATE action_item SET status = $2, completed_at = $3 WHERE id = $1`, [
        Number(items[name]),
        status,
        completed === null ? null : new Date(completed),
      ]);
    };
    await item('a1', 'PREVENT', 'DNS', 'DONE', T1 + 9 * DAY);
    await item('a2', 'PREVENT', 'DNS', 'OPEN', null);
    await item('a3', 'DETECT', 'DNS', 'DONE', T1 + 9 * DAY);
    await item('a4', 'PREVENT', 'Network', 'DONE', T1 + 9 * DAY);
    await item('a5', 'PREVENT', 'DNS', 'DONE', T1 + 50 * DAY);
    await make('F3', fA, T1 + 4 * DAY, 'DNS');
    await make('F1', fA, T1 + 19 * DAY, 'DNS');
    await make('F2', fB, T1 + 31 * DAY, 'DNS');
    await make('F6', fA, T1 + 35 * DAY, 'CDN');
    await make('F4', fA, T1 + 40 * DAY, 'Software bug');
    await make('F5', fA, T1 + 45 * DAY, 'DNS', { kind: 'NEAR_MISS' });

    const gA = await service('Fix G');
    await make('G0', gA, T1, 'DNS', { private: true, teamId: teamB });
    await item('g1', 'PREVENT', 'DNS', 'DONE', T1 + DAY, 'G0');
    await make('G1', gA, T1 + 2 * DAY, 'DNS');
    const hA = await service('Fix H');
    await make('H0', hA, T1, 'DNS');
    await item('h1', 'PREVENT', 'DNS', 'DONE', T1 + DAY, 'H0');
    await make('H1', hA, T1 + 3 * DAY, 'DNS', { private: true, teamId: teamB });
  }, 120_000);
  afterAll(() => t.close());

  it('counts 89 and exactly 90 days as a repeat, 90 days + 1 ms and 91 days not', async () => {
    for (const [name, of] of [
      ['Q89', 'P89'],
      ['Q90', 'P90'],
    ]) {
      expect((await t.ok(REPEAT_OF, { id: inc[name].id }, w.token)).incident.repeatOf).toEqual({ key: inc[of].key });
    }
    for (const name of ['Q91', 'Qms', 'P89']) {
      expect((await t.ok(REPEAT_OF, { id: inc[name].id }, w.token)).incident.repeatOf).toBeNull();
    }
    expect((await t.ok(REPEAT_OF, { id: inc.P90.id }, w.token)).incident.repeatedBy).toEqual([{ key: inc.Q90.key }]);
    expect((await t.ok(REPEAT_OF, { id: inc.P91.id }, w.token)).incident.repeatedBy).toEqual([]);
  });

  it('does not count another cause, another service, near misses or excluded incidents', async () => {
    for (const name of ['N2', 'N3', 'N4', 'N5']) {
      const d = (await t.ok(REPEAT_OF, { id: inc[name].id }, w.token)).incident;
      expect([name, d.repeatOf]).toEqual([name, null]);
    }
    // N1 is followed on its service by DNS incidents only that are not counted, and by N2 of another cause
    expect((await t.ok(REPEAT_OF, { id: inc.N1.id }, w.token)).incident.repeatedBy).toEqual([]);
  });

  it('names the latest earlier incident as repeatOf and every later repeat in repeatedBy, oldest first', async () => {
    const l3 = (await t.ok(REPEAT_OF, { id: inc.L3.id }, w.token)).incident;
    expect(l3.repeatOf).toEqual({ key: inc.L2.key });
    const l1 = (await t.ok(REPEAT_OF, { id: inc.L1.id }, w.token)).incident;
    expect(l1.repeatOf).toBeNull();
    expect(l1.repeatedBy.map((i: any) => i.key)).toEqual(keys(['L2', 'L3']));
  });

  it('computes repeats among the incidents the reader sees: a hidden private incident is neither named nor counted', async () => {
    expect((await t.ok(REPEAT_OF, { id: inc.P2.id }, w.token)).incident.repeatOf).toEqual({ key: inc.P1.key });
    expect((await t.ok(REPEAT_OF, { id: inc.P2.id }, viewerB)).incident.repeatOf).toEqual({ key: inc.P1.key });
    expect((await t.ok(REPEAT_OF, { id: inc.P2.id }, viewerA)).incident.repeatOf).toBeNull();
    expect((await t.ok(REPEAT_OF, { id: inc.P1.id }, viewerB)).incident.repeatedBy).toEqual([{ key: inc.P2.key }]);

    const a = (await metrics('2026-01-01T00:00:00Z', '2026-07-01T00:00:00Z', viewerA)).repeats;
    expect(a).toMatchObject({ count: 4, incidentCount: 15, smallSample: false });
    expect(a.share).toBeCloseTo(4 / 15, 12);
    expect(a.byRootCause.map((r: any) => [r.name, r.count])).toEqual([
      ['CDN', 2],
      ['DNS', 2],
    ]);
  });

  it('gives count, share, byRootCause and a monthly trend (formulas of the descriptions)', async () => {
    const m = await metrics('2026-01-01T00:00:00Z', '2026-07-01T00:00:00Z');
    expect(m.incidentCount).toBe(16);
    expect(m.repeats).toMatchObject({ count: 5, incidentCount: 16, share: 5 / 16, smallSample: false });
    expect(m.repeats.byRootCause).toEqual([
      { cause: { id: cause.DNS, name: 'DNS' }, name: 'DNS', count: 3 },
      { cause: { id: cause.CDN, name: 'CDN' }, name: 'CDN', count: 2 },
    ]);
    expect(m.repeats.trend).toEqual([
      { periodStart: '2026-01-01T00:00:00.000Z', count: 3, incidentCount: 12, share: 0.25 },
      { periodStart: '2026-02-01T00:00:00.000Z', count: 0, incidentCount: 0, share: 0 },
      { periodStart: '2026-03-01T00:00:00.000Z', count: 1, incidentCount: 1, share: 1 },
      { periodStart: '2026-04-01T00:00:00.000Z', count: 1, incidentCount: 3, share: 1 / 3 },
    ]);
  });

  /*
   * Weeks start on Monday (UTC): Jan 1 2026 is a Thursday, so the first bucket is Mon Dec 29 (7 incidents at T0, none
   * repeats); Jan 5 (P2 Jan 6, N2 and L2 Jan 11: 2 repeat); Jan 19 (N3, L3: 1); Mar 30 (Q89 Mar 31, Q90, Q91, Qms
   * Apr 1–2: 2), across the month's end. 14 weeks from Dec 29 to Mar 30. Quarters: Q1 4 of 13, Q2 1 of 3.
   */
  it('gives weekly and quarterly trends of repeats (weeks from Monday, UTC)', async () => {
    const q = `query($f:MetricsFilter){ reliabilityMetrics(filter:$f){ repeats {
      week: trend(granularity: WEEK) { periodStart count incidentCount } quarter: trend(granularity: QUARTER) { periodStart count incidentCount } } } }`;
    const r = (await t.ok(q, { f: { from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z' } }, w.token)).reliabilityMetrics.repeats;
    expect(r.week.length).toBe(14);
    expect(r.week.filter((p: any) => p.incidentCount > 0)).toEqual([
      { periodStart: '2025-12-29T00:00:00.000Z', count: 0, incidentCount: 7 },
      { periodStart: '2026-01-05T00:00:00.000Z', count: 2, incidentCount: 3 },
      { periodStart: '2026-01-19T00:00:00.000Z', count: 1, incidentCount: 2 },
      { periodStart: '2026-03-30T00:00:00.000Z', count: 2, incidentCount: 4 },
    ]);
    expect(r.quarter).toEqual([
      { periodStart: '2026-01-01T00:00:00.000Z', count: 4, incidentCount: 13 },
      { periodStart: '2026-04-01T00:00:00.000Z', count: 1, incidentCount: 3 },
    ]);
  });

  it('counts a repeat in the period whose earlier incident lies before the period; small samples are flagged', async () => {
    const r = (await metrics('2026-03-01T00:00:00Z', '2026-07-01T00:00:00Z')).repeats;
    expect(r).toMatchObject({ count: 2, incidentCount: 4, share: 0.5, smallSample: true });
  });

  it('lists the repeating incidents newest first, optionally of one cause', async () => {
    const q = `query($f:MetricsFilter,$n:Int,$c:ID){ reliabilityMetrics(filter:$f){ repeats { incidents(first:$n, rootCauseId:$c){ key } } } }`;
    const f = { from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z' };
    const list = async (v: Record<string, unknown>) =>
      (await t.ok(q, { f, ...v }, w.token)).reliabilityMetrics.repeats.incidents.map((i: any) => i.key);
    expect(await list({})).toEqual(keys(['Q90', 'Q89', 'L3', 'L2', 'P2']));
    expect(await list({ n: 2 })).toEqual(keys(['Q90', 'Q89']));
    expect(await list({ c: cause.CDN })).toEqual(keys(['L3', 'L2']));
    const bad = await t.gql(q, { f, n: 1000 }, w.token);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('follows the repeat window setting (30 days)', async () => {
    await t.db.query(`UPDATE loop_setting SET repeat_window_days = 30`);
    try {
      // Q89 and Q90 are now too far from P89 and P90; L2, L3 (10 days) and P2 (5 days) still repeat
      const r = (await metrics('2026-01-01T00:00:00Z', '2026-07-01T00:00:00Z')).repeats;
      expect(r).toMatchObject({ count: 3, incidentCount: 16 });
      expect((await t.ok(REPEAT_OF, { id: inc.Q89.id }, w.token)).incident.repeatOf).toBeNull();
    } finally {
      await t.db.query(`UPDATE loop_setting SET repeat_window_days = 90`);
    }
  });

  it('keeps repeat keys in step when an incident changes (moved in time, excluded, cause changed)', async () => {
    const get = async () => (await t.ok(REPEAT_OF, { id: inc.Q91.id }, w.token)).incident;
    const version = async () => (await t.ok(`query($id:ID!){ incident(id:$id){ version } }`, { id: inc.Q91.id }, w.token)).incident.version;
    const update = async (input: Record<string, unknown>) =>
      t.ok(
        `mutation($id:ID!,$i:UpdateIncidentInput!){ updateIncident(id:$id, input:$i){ id } }`,
        { id: inc.Q91.id, i: { expectedVersion: await version(), ...input } },
        w.token,
      );
    const start = T0 + 91 * DAY;
    await update(window(T0 + 80 * DAY));
    expect((await get()).repeatOf).toEqual({ key: inc.P91.key });
    await update({ primaryCauseId: cause.CDN });
    expect((await get()).repeatOf).toBeNull();
    await update({ primaryCauseId: cause.DNS, excludeFromMetrics: true });
    expect((await get()).repeatOf).toBeNull();
    await update({ excludeFromMetrics: false });
    expect((await get()).repeatOf).toEqual({ key: inc.P91.key });
    await update(window(start));
    expect((await get()).repeatOf).toBeNull();
  });

  it('filters the repeating incidents by the filter’s dimensions, the earlier one may lie outside them', async () => {
    const f = { from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z' };
    const q = `query($f:MetricsFilter){ reliabilityMetrics(filter:$f){ repeats { count incidentCount byRootCause { name count }
      trend(granularity: MONTH) { count incidentCount } incidents { key } } } }`;
    // team A: P2 repeats P1 of team B; P1 itself is not in the filter (16 − 1 incidents)
    const a = (await t.ok(q, { f: { ...f, teamIds: [w.teamId] } }, w.token)).reliabilityMetrics.repeats;
    expect(a).toMatchObject({ count: 5, incidentCount: 15 });
    expect(a.byRootCause).toEqual([
      { name: 'DNS', count: 3 },
      { name: 'CDN', count: 2 },
    ]);
    expect(a.trend.map((p: any) => [p.count, p.incidentCount])).toEqual([
      [3, 11],
      [0, 0],
      [1, 1],
      [1, 3],
    ]);
    expect(a.incidents.map((i: any) => i.key)).toEqual(keys(['Q90', 'Q89', 'L3', 'L2', 'P2']));
    const b = (await t.ok(q, { f: { ...f, teamIds: [teamB] } }, w.token)).reliabilityMetrics.repeats;
    expect(b).toMatchObject({ count: 0, incidentCount: 1, byRootCause: [], incidents: [] });
    // a service (read from the incident, not the key): P1 and P2 on Shared, and Latest with L1–L3
    const shared = await serviceId('Shared');
    const s = (await t.ok(q, { f: { ...f, serviceIds: [shared, await serviceId('Latest')] } }, w.token)).reliabilityMetrics.repeats;
    expect(s).toMatchObject({ count: 3, incidentCount: 5 });
    expect(s.byRootCause).toEqual([
      { name: 'CDN', count: 2 },
      { name: 'DNS', count: 1 },
    ]);
    expect(s.trend.map((p: any) => [p.count, p.incidentCount])).toEqual([[3, 5]]);
    expect(s.incidents.map((i: any) => i.key)).toEqual(keys(['L3', 'L2', 'P2']));
    const hidden = (await t.ok(q, { f: { ...f, serviceIds: [shared] } }, viewerA)).reliabilityMetrics.repeats;
    expect(hidden).toMatchObject({ count: 0, incidentCount: 1 });
  });

  it('refreshes the repeat keys when an incident becomes public or changes team', async () => {
    const set = async (input: Record<string, unknown>) => {
      const { version } = (await t.ok(`query($id:ID!){ incident(id:$id){ version } }`, { id: inc.P1.id }, w.token)).incident;
      await t.ok(
        `mutation($id:ID!,$i:UpdateIncidentInput!){ updateIncident(id:$id, input:$i){ id } }`,
        { id: inc.P1.id, i: { expectedVersion: version, ...input } },
        w.token,
      );
    };
    const countFor = async (token: string) => (await metrics('2026-01-01T00:00:00Z', '2026-07-01T00:00:00Z', token)).repeats.count;
    try {
      await set({ private: false });
      expect((await t.ok(REPEAT_OF, { id: inc.P2.id }, viewerA)).incident.repeatOf).toEqual({ key: inc.P1.key });
      expect(await countFor(viewerA)).toBe(5);
      await set({ private: true, teamId: w.teamId });
      expect(await countFor(viewerA)).toBe(5);
      // P1 is now hidden from team B: P2 no longer repeats for them
      expect(await countFor(viewerB)).toBe(4);
    } finally {
      await set({ private: true, teamId: teamB });
    }
    expect(await countFor(viewerA)).toBe(4);
  });

  it('lists fixes that did not hold: same cause (or under its category) on a service of the item’s incident after completedAt', async () => {
    const q = `query($f:MetricsFilter){ reliabilityMetrics(filter:$f){ fixesThatDidNotHold {
      actionItem { id title } cause { name } services { name } incidents { key } } } }`;
    const fixes = (await t.ok(q, { f: { from: '2026-08-01T00:00:00Z', to: '2026-12-01T00:00:00Z' } }, w.token)).reliabilityMetrics
      .fixesThatDidNotHold;
    const row = (title: string, causeName: string, serviceName: string, later: string[]) => ({
      actionItem: { id: items[title], title },
      cause: { name: causeName },
      services: [{ name: serviceName }],
      incidents: later.map((n) => ({ key: inc[n].key })),
    });
    // a4 has the most incidents; then equal counts by completedAt, latest first (a1), then by id (g1, h1)
    expect(fixes).toEqual([
      row('a4', 'Network', 'Fix A', ['F1', 'F6']),
      row('a1', 'DNS', 'Fix A', ['F1']),
      row('g1', 'DNS', 'Fix G', ['G1']),
      row('h1', 'DNS', 'Fix H', ['H1']),
    ]);
    const seen = (await t.ok(q, { f: { from: '2026-08-01T00:00:00Z', to: '2026-12-01T00:00:00Z' } }, viewerA)).reliabilityMetrics
      .fixesThatDidNotHold;
    expect(seen).toEqual([row('a4', 'Network', 'Fix A', ['F1', 'F6']), row('a1', 'DNS', 'Fix A', ['F1'])]);
    // the later incidents must lie in the filter's period
    const sept = (await t.ok(q, { f: { from: '2026-09-01T00:00:00Z', to: '2026-12-01T00:00:00Z' } }, w.token)).reliabilityMetrics
      .fixesThatDidNotHold;
    expect(sept.map((f: any) => [f.actionItem.title, f.incidents.map((i: any) => i.key)])).toEqual([['a4', [inc.F6.key]]]);
    // a filter's dimensions apply to the later incidents (H1 is of team B), not to the item's incident (G0 is)
    const teamA = (await t.ok(q, { f: { from: '2026-08-01T00:00:00Z', to: '2026-12-01T00:00:00Z', teamIds: [w.teamId] } }, w.token))
      .reliabilityMetrics.fixesThatDidNotHold;
    expect(teamA).toEqual([
      row('a4', 'Network', 'Fix A', ['F1', 'F6']),
      row('a1', 'DNS', 'Fix A', ['F1']),
      row('g1', 'DNS', 'Fix G', ['G1']),
    ]);
    // a service filter (read from the later incident): only Fix A's
    const fixA = (
      await t.ok(q, { f: { from: '2026-08-01T00:00:00Z', to: '2026-12-01T00:00:00Z', serviceIds: [await serviceId('Fix A')] } }, w.token)
    ).reliabilityMetrics.fixesThatDidNotHold;
    expect(fixA).toEqual([row('a4', 'Network', 'Fix A', ['F1', 'F6']), row('a1', 'DNS', 'Fix A', ['F1'])]);
    // their number comes alone too, whatever `first` lists (a page asks for the first few and the rest on demand)
    const counted = `query($f:MetricsFilter,$n:Int){ reliabilityMetrics(filter:$f){ fixesThatDidNotHoldCount fixesThatDidNotHold(first:$n) { actionItem { title } } } }`;
    const fixAFilter = { from: '2026-08-01T00:00:00Z', to: '2026-12-01T00:00:00Z', serviceIds: [await serviceId('Fix A')] };
    expect((await t.ok(counted, { f: fixAFilter, n: 1 }, w.token)).reliabilityMetrics).toEqual({
      fixesThatDidNotHoldCount: 2,
      fixesThatDidNotHold: [{ actionItem: { title: 'a4' } }],
    });
    expect((await t.ok(counted, { f: fixAFilter, n: 0 }, w.token)).reliabilityMetrics.fixesThatDidNotHoldCount).toBe(2);
    // first and incidentsPerFix list fewer of the same answer, in its order; incidentCount still counts all
    const few = `query($f:MetricsFilter,$n:Int,$k:Int){ reliabilityMetrics(filter:$f){ fixesThatDidNotHold(first:$n, incidentsPerFix:$k) {
      actionItem { title } incidents { key } incidentCount } } }`;
    const period = { from: '2026-08-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };
    expect((await t.ok(few, { f: period, n: 2, k: 1 }, w.token)).reliabilityMetrics.fixesThatDidNotHold).toEqual([
      { actionItem: { title: 'a4' }, incidents: [{ key: inc.F1.key }], incidentCount: 2 },
      { actionItem: { title: 'a1' }, incidents: [{ key: inc.F1.key }], incidentCount: 1 },
    ]);
    expect((await t.ok(few, { f: period, n: 0, k: 0 }, w.token)).reliabilityMetrics.fixesThatDidNotHold).toEqual([]);
    for (const [v, field] of [
      [{ n: 51 }, 'first'],
      [{ n: -1 }, 'first'],
      [{ k: 21 }, 'incidentsPerFix'],
    ] as const) {
      const r = await t.gql(few, { f: period, ...v }, w.token);
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [field] });
    }
  });

  /** Updates an incident through the API (severity, services, …). */
  const change = async (name: string, input: Record<string, unknown>) => {
    const { version } = (await t.ok(`query($id:ID!){ incident(id:$id){ version } }`, { id: inc[name].id }, w.token)).incident;
    await t.ok(
      `mutation($id:ID!,$i:UpdateIncidentInput!){ updateIncident(id:$id, input:$i){ id } }`,
      { id: inc[name].id, i: { expectedVersion: version, ...input } },
      w.token,
    );
  };
  const confirm = (name: string, c: string, state = 'CONFIRMED') =>
    t.ok(
      `mutation($i:ID!,$c:ID!,$s:TagState!){ reviewCause(incidentId:$i, causeId:$c, state:$s){ id } }`,
      { i: inc[name].id, c: cause[c], s: state },
      w.token,
    );

  /*
   * Every filter dimension from the keys (severity, source, root cause with confirmedOnly, service through another of the
   * incident's services), and the keys refreshed when severity, source, services or the tag's state change. In [Jan 1, Jul 1):
   *   SEV1: L3 made SEV1 → 1 of 1 (it repeats L2, a SEV2 outside the filter).
   *   source S on P89 and Q89 → 1 of 2 (Q89; Jan 0/1, Feb 0/0, Mar 1/1).
   *   CDN → 2 of 4 (L2, L3 of N2, L1–L3); DNS confirmed only → 0 of 0, after confirming P2 and Q89 → 2 of 2.
   *   service Not 2 with L3 also on it → N3, L3: 1 of 2 (L3 repeats L2 on Latest, a service outside the filter).
   */
  it('answers severity, source, root-cause (confirmed) and service filters from the repeat keys, kept in step', async () => {
    const q = `query($f:MetricsFilter){ reliabilityMetrics(filter:$f){ repeats { count incidentCount byRootCause { name count }
      trend(granularity: MONTH) { count incidentCount } incidents { key } } } }`;
    const f = { from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z' };
    const get = async (extra: Record<string, unknown>, token = w.token) =>
      (await t.ok(q, { f: { ...f, ...extra } }, token)).reliabilityMetrics.repeats;
    const [source] = await t.db.query(
      `INSERT INTO source (kind, name, team_id, since) VALUES ('WEBHOOK', 'Repeat hook', $1, now()) RETURNING id`,
      [Number(w.teamId)],
    );
    const not2 = await serviceId('Not 2');
    try {
      expect(await get({ severities: ['SEV1'] })).toMatchObject({ count: 0, incidentCount: 0, incidents: [] });
      await change('L3', { severity: 'SEV1', serviceIds: [await serviceId('Latest'), not2] });
      const sev1 = await get({ severities: ['SEV1'] });
      expect(sev1).toMatchObject({
        count: 1,
        incidentCount: 1,
        byRootCause: [{ name: 'CDN', count: 1 }],
        incidents: [{ key: inc.L3.key }],
      });
      expect(sev1.trend).toEqual([{ count: 1, incidentCount: 1 }]);
      expect(await get({ severities: ['SEV2'] })).toMatchObject({ count: 4, incidentCount: 15 });

      await t.db.query(`UPDATE incident SET source_id = $1 WHERE id = ANY($2::int[])`, [
        source.id,
        [Number(inc.P89.id), Number(inc.Q89.id)],
      ]);
      const bySource = await get({ sourceIds: [String(source.id)] });
      expect(bySource).toMatchObject({ count: 1, incidentCount: 2, incidents: [{ key: inc.Q89.key }] });
      expect(bySource.trend).toEqual([
        { count: 0, incidentCount: 1 },
        { count: 0, incidentCount: 0 },
        { count: 1, incidentCount: 1 },
      ]);

      expect(await get({ rootCauseIds: [cause.CDN] })).toMatchObject({ count: 2, incidentCount: 4 });
      expect(await get({ rootCauseIds: [cause.DNS], confirmedOnly: true })).toMatchObject({ count: 0, incidentCount: 0 });
      await confirm('P2', 'DNS');
      await confirm('Q89', 'DNS');
      const confirmed = await get({ rootCauseIds: [cause.DNS], confirmedOnly: true });
      expect(confirmed).toMatchObject({ count: 2, incidentCount: 2, incidents: keys(['Q89', 'P2']).map((key) => ({ key })) });
      expect(await get({ rootCauseIds: [cause.DNS], confirmedOnly: true }, viewerA)).toMatchObject({ count: 1, incidentCount: 2 });

      const service = await get({ serviceIds: [not2] });
      expect(service).toMatchObject({ count: 1, incidentCount: 2, incidents: [{ key: inc.L3.key }] });
      expect(service.trend).toEqual([{ count: 1, incidentCount: 2 }]);
    } finally {
      await change('L3', { severity: 'SEV2', serviceIds: [await serviceId('Latest')] });
      await confirm('P2', 'DNS', 'PROPOSED');
      await confirm('Q89', 'DNS', 'PROPOSED');
      await t.db.query(`UPDATE incident SET source_id = NULL WHERE source_id = $1`, [source.id]);
      await t.db.query(`DELETE FROM source WHERE id = $1`, [source.id]);
    }
    expect(await get({ severities: ['SEV1'] })).toMatchObject({ count: 0, incidentCount: 0 });
    expect(await get({ rootCauseIds: [cause.DNS], confirmedOnly: true })).toMatchObject({ count: 0, incidentCount: 0 });
  });

  /*
   * Fixes under each dimension, both ways (items probed one by one, scopeKeys 0; the scope's keys joined, 1000), in
   * [Aug 1, Dec 1): CDN → a4 [F6]; DNS → a1, a4 [F1], g1 [G1], h1 [H1] (a viewer of team A: a1, a4); SEV1 with F6 made SEV1 → a4 [F6]; Network confirmed only with F1 confirmed → a1 [F1],
   * a4 [F1] (equal counts and completion: by id); service Fix B with F2 also on Fix A → a1 [F2], a4 [F2] (F2 follows them
   * on Fix A, and affects Fix B).
   */
  it('answers every filter of fixes that did not hold from the repeat keys, probed or joined', async () => {
    const repo = t.app.get(RepeatsRepository);
    const admin = { role: 'ADMIN', teamIds: [] };
    const base = {
      from: new Date('2026-08-01T00:00:00Z'),
      to: new Date('2026-12-01T00:00:00Z'),
      serviceIds: [] as number[],
      teamIds: [] as number[],
      severities: [] as any[],
      rootCauseIds: [] as number[],
      sourceIds: [] as number[],
      confirmedOnly: false,
    };
    const fixes = async (extra: Record<string, unknown>, who: { role: string; teamIds: number[] } = admin) => {
      const out: unknown[] = [];
      for (const scopeKeys of [0, 1000]) {
        const rows = await repo.fixes(who, { ...base, ...extra }, { candidates: 200, items: 50, incidents: 20, scopeKeys });
        const named = rows.map((r) => [
          Object.keys(items).find((k) => items[k] === String(r.id)),
          r.later_ids.map((id) => Object.keys(inc).find((k) => inc[k].id === String(id))),
        ]);
        out.push(named);
      }
      expect(out[1]).toEqual(out[0]);
      return out[0];
    };
    const fixA = Number(await serviceId('Fix A'));
    const fixB = Number(await serviceId('Fix B'));
    try {
      expect(await fixes({ rootCauseIds: [Number(cause.CDN)] })).toEqual([['a4', ['F6']]]);
      // DNS: a1 and a4 (Network, over DNS) by F1, g1 by G1, h1 by H1; a viewer of team A sees neither g1 (its incident
      // is private to team B) nor H1
      const dns = { rootCauseIds: [Number(cause.DNS)] };
      expect(await fixes(dns)).toEqual([
        ['a1', ['F1']],
        ['a4', ['F1']],
        ['g1', ['G1']],
        ['h1', ['H1']],
      ]);
      expect(await fixes(dns, { role: 'VIEWER', teamIds: [Number(w.teamId)] })).toEqual([
        ['a1', ['F1']],
        ['a4', ['F1']],
      ]);
      expect(await fixes({ severities: ['SEV1'] })).toEqual([]);
      await change('F6', { severity: 'SEV1' });
      expect(await fixes({ severities: ['SEV1'] })).toEqual([['a4', ['F6']]]);
      expect(await fixes({ rootCauseIds: [Number(cause.Network)], confirmedOnly: true })).toEqual([]);
      await confirm('F1', 'DNS');
      expect(await fixes({ rootCauseIds: [Number(cause.Network)], confirmedOnly: true })).toEqual([
        ['a1', ['F1']],
        ['a4', ['F1']],
      ]);
      expect(await fixes({ serviceIds: [fixB] })).toEqual([]);
      await change('F2', { serviceIds: [String(fixA), String(fixB)] });
      expect(await fixes({ serviceIds: [fixB] })).toEqual([
        ['a1', ['F2']],
        ['a4', ['F2']],
      ]);
    } finally {
      await change('F6', { severity: 'SEV2' });
      await confirm('F1', 'DNS', 'PROPOSED');
      await change('F2', { serviceIds: [String(fixB)] });
    }
  });

  it('resolves repeatOf and repeatedBy of a page in the same number of statements whatever its size', async () => {
    const page = `query($n:Int){ incidents(first:$n){ edges{ node{ key repeatOf{ key } repeatedBy{ key } } } } }`;
    let big: any;
    // metric reads above start rollup rebuilds in the background: let them finish before counting
    await t.settle();
    await t.ok(page, { n: 1 }, w.token);
    const small = await countStatements(() => t.ok(page, { n: 3 }, w.token));
    const large = await countStatements(async () => (big = await t.ok(page, { n: 40 }, w.token)));
    expect(big.incidents.edges.length).toBe(29);
    expect(large).toBe(small);
    // auth + page + count + repeatOf (one for the page) + repeatedBy (one for the page)
    expect(large).toBeLessThanOrEqual(5);
  });

  // last: it adds incidents the page above would list
  it('lists at most 20 later incidents per fix with their full count, and bounds the items looked at', async () => {
    const cA = await service('Caps');
    await make('C0', cA, T2, 'DNS');
    const done = async (title: string, completed: number) => {
      const d = await t.ok(
        `mutation($i:CreateActionItemInput!){ createActionItem(input:$i){ id } }`,
        { i: { incidentId: inc.C0.id, title, type: 'PREVENT', causeId: cause.DNS } },
        w.token,
      );
      items[title] = d.createActionItem.id;
      await t.db.query(`UPDATE action_item SET status = 'DONE', completed_at = $2 WHERE id = $1`, [
        Number(items[title]),
        new Date(completed),
      ]);
    };
    await done('c1', T2 + DAY);
    await done('c2', T2 + 2 * DAY);
    await done('c3', T2 + 13.5 * DAY);
    const later = Array.from({ length: 21 }, (_, n) => `C${n + 1}`);
    for (const [n, name] of later.entries()) await make(name, cA, T2 + (4 + n) * DAY, 'DNS');

    const q = `query($f:MetricsFilter){ reliabilityMetrics(filter:$f){ fixesThatDidNotHold {
      actionItem { title } incidentCount incidents { key } } } }`;
    const f = { from: '2025-06-01T00:00:00Z', to: '2025-12-01T00:00:00Z' };
    const fixes = (await t.ok(q, { f }, w.token)).reliabilityMetrics.fixesThatDidNotHold;
    expect(fixes.map((x: any) => [x.actionItem.title, x.incidentCount, x.incidents.map((i: any) => i.key)])).toEqual([
      ['c2', 21, keys(later.slice(0, 20))],
      ['c1', 21, keys(later.slice(0, 20))],
      ['c3', 11, keys(later.slice(10))],
    ]);

    // the caps, lowered: only the 2 most recently completed failing items (c3, c2) are counted; 3 incidents each
    const repo = t.app.get(RepeatsRepository);
    const filter = {
      from: new Date(f.from),
      to: new Date(f.to),
      serviceIds: [],
      teamIds: [],
      severities: [],
      rootCauseIds: [],
      sourceIds: [],
      confirmedOnly: false,
    };
    const admin = { role: 'ADMIN', teamIds: [] };
    const ids = (names: string[]) => names.map((n) => Number(inc[n].id));
    const capped = [
      [items.c2, 21, ids(['C1', 'C2', 'C3'])],
      [items.c3, 11, ids(['C11', 'C12', 'C13'])],
    ];
    const rows = await repo.fixes(admin, filter, { candidates: 2, items: 50, incidents: 3, scopeKeys: 0 });
    expect(rows.map((r) => [String(r.id), r.incident_count, r.later_ids])).toEqual(capped);
    // a filter read from the incident (a service): items probed one by one (scopeKeys 0) or the scope's keys joined to them
    const byService = { ...filter, serviceIds: [Number(await serviceId('Caps'))] };
    for (const scopeKeys of [0, 1000]) {
      const r = await repo.fixes(admin, byService, { candidates: 2, items: 50, incidents: 3, scopeKeys });
      expect([scopeKeys, r.map((x) => [String(x.id), x.incident_count, x.later_ids])]).toEqual([scopeKeys, capped]);
    }
    const one = await repo.fixes(admin, filter, { candidates: 200, items: 1, incidents: 20, scopeKeys: 0 });
    expect(one.map((r) => [String(r.id), r.incident_count, r.later_ids.length])).toEqual([[items.c2, 21, 20]]);
  });

  it('keeps every key’s stored predecessors equal to a recomputation through random edits, moves, privacy and deletions', async () => {
    // migration RepeatPredecessors: prev_at / prev_public_at are kept by triggers; the window sort they replace is the reference
    const drift = async () =>
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM repeat_key k
             JOIN (SELECT incident_id, service_id, max(started_at) OVER w AS prev_at,
                          max(started_at) FILTER (WHERE NOT private) OVER w AS prev_public_at
                     FROM repeat_key
                   WINDOW w AS (PARTITION BY service_id, cause_id ORDER BY started_at
                                RANGE BETWEEN UNBOUNDED PRECEDING AND interval '1 microsecond' PRECEDING)) x
               USING (incident_id, service_id)
            WHERE k.prev_at IS DISTINCT FROM x.prev_at OR k.prev_public_at IS DISTINCT FROM x.prev_public_at`,
        )
      )[0].n as number;
    const rnd = seeded(14);
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
    const T3 = Date.parse('2024-03-01T00:00:00.000Z');
    // 12-hour slots over 10 days: ties at the same instant happen
    const slot = () => T3 + Math.floor(rnd() * 20) * 12 * 3_600_000;
    const services = [await service('Relink 1'), await service('Relink 2'), await service('Relink 3')];
    const servicesOf = () => (rnd() < 0.3 ? [services[0], pick(services.slice(1))] : [pick(services)]);
    const causes = [cause.DNS, cause.CDN];
    const live: Array<{ id: string; private: boolean; excluded: boolean }> = [];
    const update = async (id: string, input: Record<string, unknown>) => {
      const { version } = (await t.ok(`query($id:ID!){ incident(id:$id){ version } }`, { id }, w.token)).incident;
      await t.ok(
        `mutation($id:ID!,$i:UpdateIncidentInput!){ updateIncident(id:$id, input:$i){ id } }`,
        { id, i: { expectedVersion: version, ...input } },
        w.token,
      );
    };
    const steps: string[] = [];
    for (let n = 0; n < 70; n++) {
      const r = rnd();
      const x = live.length ? pick(live) : null;
      let op: string;
      if (!x || r < 0.35) {
        op = 'create';
        const priv = rnd() < 0.3;
        const created = await createIncident(t, w, {
          title: `Relink ${n}`,
          serviceIds: servicesOf(),
          primaryCauseId: pick(causes),
          private: priv,
          ...window(slot()),
        });
        live.push({ id: created.id, private: priv, excluded: false });
      } else if (r < 0.5) {
        op = 'move';
        await update(x.id, window(slot()));
      } else if (r < 0.65) {
        op = 'privacy';
        x.private = !x.private;
        await update(x.id, { private: x.private });
      } else if (r < 0.75) {
        op = 'cause';
        await update(x.id, { primaryCauseId: pick(causes) });
      } else if (r < 0.85) {
        op = 'services';
        await update(x.id, { serviceIds: servicesOf() });
      } else if (r < 0.92) {
        op = 'exclude';
        x.excluded = !x.excluded;
        await update(x.id, { excludeFromMetrics: x.excluded });
      } else {
        // the app never deletes an incident, but its keys go with it (cascade) and their successors must follow
        op = 'delete';
        await t.db.query(`DELETE FROM incident WHERE id = $1`, [Number(x.id)]);
        live.splice(live.indexOf(x), 1);
      }
      const d = await drift();
      if (d) steps.push(`step ${n} (${op}): ${d} keys with stale predecessors`);
    }
    expect(steps).toEqual([]);
    // the scenario did make predecessors of both kinds, ties and private runs
    const [shape] = await t.db.query(
      `SELECT count(*) FILTER (WHERE k.prev_at IS NOT NULL)::int AS linked,
              count(*) FILTER (WHERE k.prev_at IS DISTINCT FROM k.prev_public_at)::int AS behind_private
         FROM repeat_key k WHERE k.service_id = ANY($1::int[])`,
      [services.map(Number)],
    );
    expect(shape.linked).toBeGreaterThan(10);
    expect(shape.behind_private).toBeGreaterThan(0);
  });
});
