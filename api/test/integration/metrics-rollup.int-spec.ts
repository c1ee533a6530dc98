import { seedDemoData } from '../../../db/seeds/demo-data';
import * as direct from '../../src/metrics/metrics.queries';
import * as rollup from '../../src/metrics/metrics.rollup';
import type { ResolvedFilter, Visibility } from '../../src/metrics/metrics.scope';
import { startTestApp, TestApp } from '../harness';

const NOW = new Date('2026-06-15T12:00:00Z');
const TODAY = '2026-06-15';
const ADMIN: Visibility = { role: 'ADMIN', teamIds: [] };

const filter = (over: Partial<ResolvedFilter> = {}): ResolvedFilter => ({
  from: null,
  to: null,
  serviceIds: [],
  teamIds: [],
  severities: [],
  rootCauseIds: [],
  confirmedOnly: false,
  ...over,
});

/** Every metric in its direct form and its rollup form, for one visibility and filter. */
const pairs = (who: Visibility, f: ResolvedFilter): Array<[string, direct.Query, direct.Query]> => [
  ['summary', direct.summaryQuery(who, f), rollup.rollupSummaryQuery(who, f)],
  ['causes', direct.causeFrequencyQuery(who, f, 'NODE'), rollup.rollupCausesQuery(who, f, 'NODE')],
  ['categories', direct.causeFrequencyQuery(who, f, 'CATEGORY'), rollup.rollupCausesQuery(who, f, 'CATEGORY')],
  ['contributing', direct.causeFrequencyQuery(who, f, 'CONTRIBUTING'), rollup.rollupCausesQuery(who, f, 'CONTRIBUTING')],
  ['services', direct.serviceDowntimeQuery(who, f), rollup.rollupServiceDowntimeQuery(who, f)],
  ['trend by week', direct.trendQuery(who, f, 'WEEK'), rollup.rollupTrendQuery(who, f, 'WEEK')],
  ['trend by month', direct.trendQuery(who, f, 'MONTH'), rollup.rollupTrendQuery(who, f, 'MONTH')],
  ['trend by quarter', direct.trendQuery(who, f, 'QUARTER'), rollup.rollupTrendQuery(who, f, 'QUARTER')],
  ['gaps', direct.redundancyGapsQuery(who, f), rollup.rollupRedundancyGapsQuery(who, f)],
  ['action items', direct.actionItemsQuery(who, f, TODAY), rollup.rollupActionItemsQuery(who, f, TODAY)],
  ['detection', direct.detectionQuery(who, f), rollup.rollupDetectionQuery(who, f)],
  ['histogram', direct.histogramQuery(who, f), rollup.rollupHistogramQuery(who, f)],
];

/** The rows without the direct trend's grouping column `bucket`. */
const comparable = (rows: unknown[]) => JSON.parse(JSON.stringify(rows, (key, v) => (key === 'bucket' ? undefined : v)));

/**
 * `got` with each number that is within 1e-9 (relative) of the number at the same place in `want` replaced by
 * it: sums added in another order differ in the last bits, and anything else still shows in the diff.
 */
function snap(got: unknown, want: unknown): unknown {
  if (typeof got === 'number' && typeof want === 'number') {
    return Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(got), Math.abs(want)) ? want : got;
  }
  if (Array.isArray(got) && Array.isArray(want)) return got.map((g, n) => snap(g, want[n]));
  if (got && want && typeof got === 'object' && typeof want === 'object') {
    return Object.fromEntries(Object.entries(got).map(([k, g]) => [k, snap(g, (want as Record<string, unknown>)[k])]));
  }
  return got;
}

describe('metric rollups (real PostgreSQL)', () => {
  // dozens of whole-dashboard comparisons per test: minutes on a loaded 2-core machine
  jest.setTimeout(600_000);
  let t: TestApp;
  let teamId: number;
  const run = (q: direct.Query) => t.db.query(q.text, q.params);
  const refresh = () =>
    rollup.refreshRollups((work) => t.db.dataSource.transaction('REPEATABLE READ', (tx) => work((text, params) => tx.query(text, params))));
  const count = async (sql: string) => (await t.db.query(sql))[0].n as number;

  /** Asserts that every metric's rollup form gives the direct form's rows. */
  const expectAgreement = async (who: Visibility, f: ResolvedFilter) => {
    for (const [name, d, r] of pairs(who, f)) {
      const [want, got] = [comparable(await run(d)), comparable(await run(r))];
      expect({ metric: name, rows: snap(got, want) }).toEqual({ metric: name, rows: want });
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.db.manager, { incidents: 1500, seed: 11, now: NOW });
    // some private incidents of every team, and confirmed and proposed cause tags, so both splits are exercised
    await t.db.query(`UPDATE incident SET private = (id % 7 = 0)`);
    [{ id: teamId }] = await t.db.query(`SELECT id FROM team ORDER BY id LIMIT 1`);
  }, 120_000);
  afterAll(() => t.close());

  it('builds every month with incidents, leaving nothing dirty', async () => {
    expect(await count(`SELECT count(*)::int AS n FROM metric_dirty`)).toBeGreaterThan(0);
    const built = await refresh();
    const months = await count(`SELECT count(DISTINCT date_trunc('month', started_at, 'UTC'))::int AS n FROM incident`);
    expect(built).toBe(months);
    expect(await count(`SELECT count(*)::int AS n FROM metric_month`)).toBe(months);
    expect(await count(`SELECT count(*)::int AS n FROM metric_dirty`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM metric_cell WHERE grouping = 'cause' AND confirmed`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM metric_cell WHERE private`)).toBeGreaterThan(0);
  });

  it.each([
    ['all time, admin', ADMIN, filter()],
    ['twelve whole months', ADMIN, filter({ from: new Date('2025-06-01T00:00:00Z'), to: new Date('2026-06-01T00:00:00Z') })],
    [
      'a period cutting its first and last months',
      ADMIN,
      filter({ from: new Date('2025-03-17T09:30:00Z'), to: new Date('2026-02-03T18:00:00Z') }),
    ],
    ['inside one month', ADMIN, filter({ from: new Date('2025-09-03T00:00:00Z'), to: new Date('2025-09-20T00:00:00Z') })],
    [
      'the last 90 days, from UTC midnight and open-ended (the overview default)',
      ADMIN,
      filter({ from: new Date('2026-03-17T00:00:00Z') }),
    ],
    ['within one day', ADMIN, filter({ from: new Date('2025-10-07T03:00:00Z'), to: new Date('2025-10-07T21:00:00Z') })],
    ['confirmed tags only', ADMIN, filter({ from: new Date('2025-01-01T00:00:00Z'), confirmedOnly: true })],
    ['an empty period', ADMIN, filter({ from: new Date('2020-01-01T00:00:00Z'), to: new Date('2020-06-01T00:00:00Z') })],
  ])('gives the direct SQL numbers exactly: %s', async (_name, who, f) => {
    await expectAgreement(who, f);
  });

  it('gives the direct SQL numbers for every filter, alone and combined, for an admin and a viewer', async () => {
    const [{ id: serviceId }, { id: otherService }] = await t.db.query(
      `SELECT service_id AS id FROM incident_service GROUP BY 1 ORDER BY count(*) DESC LIMIT 2`,
    );
    const [{ id: causeId, parent }] = await t.db.query(
      `SELECT c.cause_id AS id, rc.parent_id AS parent FROM incident_cause c JOIN root_cause rc ON rc.id = c.cause_id
        WHERE c.is_primary AND rc.parent_id IS NOT NULL GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`,
    );
    const year = { from: new Date('2025-06-01T00:00:00Z'), to: new Date('2026-06-01T00:00:00Z') };
    const cut = { from: new Date('2025-03-17T09:30:00Z'), to: new Date('2026-02-03T18:00:00Z') };
    const filters: Array<[string, ResolvedFilter]> = [
      ['one team, twelve whole months', filter({ ...year, teamIds: [teamId] })],
      ['one team, a period cutting months', filter({ ...cut, teamIds: [teamId] })],
      ['one service', filter({ ...year, serviceIds: [serviceId] })],
      ['two services (an incident affecting both counts once)', filter({ ...year, serviceIds: [serviceId, otherService].sort() })],
      ['SEV1 and SEV2', filter({ ...cut, severities: ['SEV1', 'SEV2'] as ResolvedFilter['severities'] })],
      ['one root cause', filter({ ...year, rootCauseIds: [causeId] })],
      ['a category (its causes)', filter({ ...year, rootCauseIds: [parent] })],
      ['a category, confirmed tags only', filter({ ...year, rootCauseIds: [parent], confirmedOnly: true })],
      ['team and severity', filter({ ...year, teamIds: [teamId], severities: ['SEV1', 'SEV2'] as ResolvedFilter['severities'] })],
      [
        'service, team and severity, all time',
        filter({ serviceIds: [serviceId], teamIds: [teamId], severities: ['SEV2'] as ResolvedFilter['severities'] }),
      ],
      ['a source no incident has', filter({ ...year, sourceIds: [987654] })],
    ];
    for (const who of [ADMIN, { role: 'VIEWER', teamIds: [teamId] }]) {
      for (const [name, f] of filters) {
        try {
          await expectAgreement(who, f);
        } catch (err) {
          throw new Error(`${who.role}, ${name}: ${(err as Error).message}`, { cause: err });
        }
      }
    }
    // the keyed cells are there to be read: per team, per team and severity, per service
    expect(await count(`SELECT count(*)::int AS n FROM metric_cell WHERE slice = 'team' AND team_id = ${teamId}`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM metric_cell WHERE slice = 'team_severity' AND team_id = ${teamId}`)).toBeGreaterThan(
      0,
    );
    expect(
      await count(`SELECT count(*)::int AS n FROM metric_cell WHERE slice = 'service' AND slice_service_id = ${serviceId}`),
    ).toBeGreaterThan(0);
  });

  it('gives the direct SQL numbers to a viewer, who sees other teams’ private incidents nowhere', async () => {
    await expectAgreement({ role: 'VIEWER', teamIds: [teamId] }, filter({ from: new Date('2025-06-01T00:00:00Z') }));
    await expectAgreement({ role: 'VIEWER', teamIds: [] }, filter());
  });

  it('answers from the stored cells of clean months (a tampered cell shows), and from the incidents once a month is written', async () => {
    const f = filter({ from: new Date('2025-06-01T00:00:00Z'), to: new Date('2026-06-01T00:00:00Z') });
    const summary = async () => (await run(rollup.rollupSummaryQuery(ADMIN, f)))[0];
    const before = await summary();
    await t.db.query(
      `UPDATE metric_cell SET c[1] = c[1] + 1000 WHERE grouping = 'all' AND slice = '' AND day IS NULL AND month = '2025-08-01T00:00:00Z' AND NOT private`,
    );
    expect((await summary()).incident_count).toBe(before.incident_count + 1000);

    // any write to that month marks it dirty: the same statement then reads the month from the incidents
    await t.db.query(
      `UPDATE incident SET resolved_at = resolved_at + interval '90 minutes'
        WHERE id = (SELECT min(id) FROM incident WHERE started_at >= '2025-08-01T00:00:00Z' AND started_at < '2025-09-01T00:00:00Z'
                      AND resolved_at IS NOT NULL)`,
    );
    expect(await count(`SELECT count(*)::int AS n FROM metric_dirty WHERE month = '2025-08-01T00:00:00Z'`)).toBe(1);
    expect((await summary()).incident_count).toBe(before.incident_count);
    await expectAgreement(ADMIN, f);

    expect(await refresh()).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM metric_dirty`)).toBe(0);
    await expectAgreement(ADMIN, f);
  });

  it('after a write, reads that month from its day cells but for the day written, which it reads from the incidents', async () => {
    const f = filter({ from: new Date('2025-06-01T00:00:00Z'), to: new Date('2026-06-01T00:00:00Z') });
    const summary = async () => (await run(rollup.rollupSummaryQuery(ADMIN, f)))[0];
    const before = await summary();
    // an incident of a month inside the period, and another day of that month with incidents
    const [written] = await t.db.query(
      `SELECT id, date_trunc('day', started_at, 'UTC') AS day FROM incident
        WHERE started_at >= '2025-11-01T00:00:00Z' AND started_at < '2025-12-01T00:00:00Z' AND in_metrics AND resolved_at IS NOT NULL
        ORDER BY id LIMIT 1`,
    );
    const [other] = await t.db.query(
      `SELECT day FROM metric_cell WHERE slice = '' AND grouping = 'all' AND NOT private AND month = '2025-11-01T00:00:00Z'
          AND day IS NOT NULL AND day <> $1 AND c[1] > 0 ORDER BY day LIMIT 1`,
      [written.day],
    );
    await t.db.query(`UPDATE incident SET resolved_at = resolved_at + interval '1 hour' WHERE id = $1`, [written.id]);
    expect(await t.db.query(`SELECT month, day FROM metric_dirty`)).toEqual([
      { month: new Date('2025-11-01T00:00:00Z'), day: written.day },
    ]);
    await expectAgreement(ADMIN, f);
    await expectAgreement({ role: 'VIEWER', teamIds: [teamId] }, f);
    // the month's other days come from their stored day cells (a tampered one shows); the written day does not
    const tamper = (day: Date, by: number) =>
      t.db.query(`UPDATE metric_cell SET c[1] = c[1] + ${by} WHERE grouping = 'all' AND slice = '' AND day = $1 AND NOT private`, [day]);
    await tamper(other.day, 100);
    await tamper(written.day, 10_000);
    expect((await summary()).incident_count).toBe(before.incident_count + 100);
    await tamper(other.day, -100);
    await tamper(written.day, -10_000);
    expect(await refresh()).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM metric_dirty`)).toBe(0);
    await expectAgreement(ADMIN, f);
  });

  it('reads a month built under another cell layout from the incidents, and the refresh rebuilds it under the current one', async () => {
    const f = filter({ from: new Date('2025-06-01T00:00:00Z'), to: new Date('2026-06-01T00:00:00Z') });
    const summary = async () => (await run(rollup.rollupSummaryQuery(ADMIN, f)))[0];
    const before = await summary();
    // an old definition's numbers in an old month: a wrong count under another layout
    await t.db.query(
      `UPDATE metric_cell SET c[1] = c[1] + 1000 WHERE grouping = 'all' AND slice = '' AND day IS NULL AND month = '2025-10-01T00:00:00Z' AND NOT private`,
    );
    await t.db.query(`UPDATE metric_month SET layout = 'older' WHERE month = '2025-10-01T00:00:00Z'`);
    expect((await summary()).incident_count).toBe(before.incident_count);
    await expectAgreement(ADMIN, f);

    expect(await refresh()).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM metric_month WHERE layout <> '${rollup.CELL_LAYOUT}'`)).toBe(0);
    // rebuilt: the month's stored cells are used again, and right
    expect(await count(`SELECT count(*)::int AS n FROM metric_cell WHERE month = '2025-10-01T00:00:00Z'`)).toBeGreaterThan(0);
    expect((await summary()).incident_count).toBe(before.incident_count);
    await t.db.query(
      `UPDATE metric_cell SET c[1] = c[1] + 7 WHERE grouping = 'all' AND slice = '' AND day IS NULL AND month = '2025-10-01T00:00:00Z' AND NOT private`,
    );
    expect((await summary()).incident_count).toBe(before.incident_count + 7);
    await t.db.query(
      `UPDATE metric_cell SET c[1] = c[1] - 7 WHERE grouping = 'all' AND slice = '' AND day IS NULL AND month = '2025-10-01T00:00:00Z' AND NOT private`,
    );
  });

  it('marks the months of changed causes, services, assessments and action items, and of a moved incident, not of a new title', async () => {
    const [{ id, month }] = await t.db.query(
      `SELECT id, date_trunc('month', started_at, 'UTC') AS month FROM incident WHERE started_at < '2025-03-01' ORDER BY id LIMIT 1`,
    );
    const dirty = () => t.db.query(`SELECT DISTINCT month FROM metric_dirty ORDER BY month`);
    // what no metric reads changes nothing
    await t.db.query(`UPDATE incident SET title = title || ' (edited)', summary = 'Rewritten' WHERE id = $1`, [id]);
    await t.db.query(`UPDATE action_item SET title = title || ' (edited)' WHERE incident_id = $1`, [id]);
    expect(await dirty()).toEqual([]);
    await t.db.query(`UPDATE action_item SET status = 'DONE', completed_at = now() WHERE incident_id = $1`, [id]);
    await t.db.query(`DELETE FROM incident_cause WHERE incident_id = $1 AND NOT is_primary`, [id]);
    await t.db.query(`UPDATE redundancy_assessment SET outcome = 'FAILED' WHERE incident_id = $1`, [id]);
    await t.db.query(
      `DELETE FROM incident_service WHERE incident_id = $1 AND service_id <> (SELECT min(service_id) FROM incident_service WHERE incident_id = $1)`,
      [id],
    );
    expect(await dirty()).toEqual([{ month }]);
    await t.db.query(
      `UPDATE incident SET started_at = started_at + x.d, detected_at = detected_at + x.d, acknowledged_at = acknowledged_at + x.d,
              mitigated_at = mitigated_at + x.d, resolved_at = resolved_at + x.d
         FROM (SELECT '2025-12-15T00:00:00Z'::timestamptz - started_at AS d FROM incident WHERE id = $1) x WHERE id = $1`,
      [id],
    );
    expect(await dirty()).toEqual([{ month }, { month: new Date('2025-12-01T00:00:00Z') }]);
    await expectAgreement(ADMIN, filter());
    await refresh();
    await expectAgreement(ADMIN, filter());
  });
});
