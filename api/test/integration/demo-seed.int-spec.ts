import { seedDemoData } from '../../../db/seeds/demo-data';
import { startTestApp, TestApp } from '../harness';

const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const daysBefore = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const TEAMS = ['Playback', 'Identity', 'Discovery', 'Commerce', 'Edge'];

/** A fingerprint of the demo incidents that does not depend on the ids they got. */
const DIGEST = `SELECT md5(string_agg(concat_ws(',', external_id, title, severity, kind, started_at, detected_at, acknowledged_at,
  mitigated_at, resolved_at, summary), ';' ORDER BY external_id)) AS digest FROM incident WHERE source = 'demo'`;

class Rollback extends Error {}

describe('demo data seed (real PostgreSQL)', () => {
  let t: TestApp;
  let first: Awaited<ReturnType<typeof seedDemoData>>;
  const one = async (sql: string, params?: unknown[]) => (await t.db.query(sql, params))[0];

  beforeAll(async () => {
    t = await startTestApp();
    // an existing team, spelled differently, is reused rather than duplicated
    await t.db.query(`INSERT INTO team (name) VALUES ('PLAYBACK')`);
    first = await seedDemoData(t.db.manager, { incidents: 400, seed: 7, now: NOW });
  });
  afterAll(() => t.close());

  /** Seeds again inside a transaction that is rolled back, and returns the digest it saw. */
  const digestOfReseed = async (seed: number) => {
    let digest = '';
    await t.db
      .transaction(async (m) => {
        await m.query(`DELETE FROM incident WHERE source = 'demo'`);
        await seedDemoData(m, { incidents: 400, seed, now: NOW, batchSize: 64 });
        [{ digest }] = await m.query(DIGEST);
        throw new Rollback();
      })
      .catch((err) => {
        if (!(err instanceof Rollback)) throw err;
      });
    return digest;
  };

  it('makes 400 incidents on twelve services of five teams, reusing existing teams by name', async () => {
    expect(first).toEqual({ incidents: 400, services: 12, teams: 5 });
    const teams = await t.db.query(`SELECT lower(name) AS name, count(*)::int AS n FROM team GROUP BY 1 ORDER BY 1`);
    expect(teams).toEqual(expect.arrayContaining(TEAMS.map((name) => ({ name: name.toLowerCase(), n: 1 }))));
    expect(await one(`SELECT count(*)::int AS n FROM service_redundancy`)).toEqual({ n: 37 });
    expect(
      await one(`SELECT count(*)::int AS n FROM incident i WHERE NOT EXISTS (SELECT 1 FROM incident_service s WHERE s.incident_id = i.id)`),
    ).toEqual({ n: 0 });
  });

  it('spreads incidents over the two years before now, a few still ongoing in the last days', async () => {
    const r = await one(
      `SELECT min(started_at) AS first, max(greatest(started_at, detected_at, acknowledged_at, mitigated_at, resolved_at,
        updated_at)) AS last, count(*) FILTER (WHERE resolved_at IS NULL AND started_at > $1::timestamptz - interval '3 days')::int AS ongoing
        FROM incident`,
      [NOW],
    );
    expect(r.first.getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 730 * 86_400_000);
    expect(r.last.getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(r.ongoing).toBeGreaterThanOrEqual(3);
  });

  it('weights severities (SEV1 rare) and has near misses, game days and private incidents', async () => {
    const r =
      await one(`SELECT count(*) FILTER (WHERE severity = 'SEV1')::int AS sev1, count(*) FILTER (WHERE severity = 'SEV2')::int AS sev2,
        count(*) FILTER (WHERE severity = 'SEV3')::int AS sev3, count(*) FILTER (WHERE kind = 'NEAR_MISS')::int AS near_miss,
        count(*) FILTER (WHERE exclude_from_metrics)::int AS excluded, count(*) FILTER (WHERE private)::int AS private,
        count(*) FILTER (WHERE detection_source = 'MONITORING')::int AS monitoring FROM incident`);
    expect(r.sev1).toBeGreaterThan(0);
    expect(r.sev1).toBeLessThan(r.sev2);
    expect(r.sev2).toBeLessThan(r.sev3);
    for (const k of ['near_miss', 'excluded', 'private']) expect(r[k]).toBeGreaterThan(0);
    expect(r.monitoring).toBeGreaterThan(200);
  });

  it('draws right-skewed durations (mean above median)', async () => {
    const r = await one(`SELECT avg(ttr_minutes) AS mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY ttr_minutes) AS median,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY ttr_minutes) AS p90 FROM incident WHERE in_metrics AND resolved_at IS NOT NULL`);
    expect(r.median).toBeGreaterThan(30);
    expect(r.mean).toBeGreaterThan(r.median);
    expect(r.p90).toBeGreaterThan(2 * r.median);
  });

  it('tags causes, assesses redundancy and links action items to the gaps they close', async () => {
    const r = await one(`SELECT
        (SELECT count(*)::int FROM incident_cause WHERE is_primary) AS primary_causes,
        (SELECT count(*)::int FROM incident_cause WHERE NOT is_primary) AS contributing,
        (SELECT count(*)::int FROM incident_cause c JOIN root_cause rc ON rc.id = c.cause_id WHERE rc.parent_id IS NULL) AS on_categories,
        (SELECT count(DISTINCT state)::int FROM incident_cause WHERE set_by = 'demo') AS states,
        (SELECT count(DISTINCT outcome)::int FROM redundancy_assessment) AS outcomes,
        (SELECT count(*)::int FROM action_item a WHERE mechanism_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM redundancy_assessment g
           WHERE g.incident_id = a.incident_id AND g.mechanism_id = a.mechanism_id AND g.outcome IN ('MISSING', 'FAILED'))) AS unlinked_gap_items,
        (SELECT count(*)::int FROM action_item WHERE (status = 'DONE') <> (completed_at IS NOT NULL)) AS bad_completion,
        (SELECT count(*)::int FROM timeline_event) AS timeline`);
    expect(r.primary_causes).toBeGreaterThan(350);
    expect(r.contributing).toBeGreaterThan(100);
    expect(r).toMatchObject({ on_categories: 0, states: 2, outcomes: 4, unlinked_gap_items: 0, bad_completion: 0 });
    expect(r.timeline).toBeGreaterThan(4 * 400);
  });

  it('looks like a decent organisation: most services within their SLO over the last 12 months and 90 days', async () => {
    const token = await t.login();
    const services = async (days: number) => {
      const data = await t.ok(
        `query($f: MetricsFilter) { reliabilityMetrics(filter: $f) { services { service { name } availability slo sloMet } } }`,
        { f: { from: daysBefore(days), to: NOW.toISOString() } },
        token,
      );
      return data.reliabilityMetrics.services as Array<{ service: { name: string }; availability: number; slo: number; sloMet: boolean }>;
    };
    for (const days of [365, 90]) {
      const rows = await services(days);
      expect(rows).toHaveLength(12);
      expect(rows.filter((r) => r.sloMet).length).toBeGreaterThanOrEqual(9);
    }
    // ... but not a clean sheet: some quarter of the two years had services out of their SLO
    const bad = new Set<string>();
    for (let q = 0; q < 8; q++) {
      const data = await t.ok(
        `query($f: MetricsFilter) { reliabilityMetrics(filter: $f) { services { service { name } sloMet } } }`,
        { f: { from: daysBefore((q + 1) * 91), to: daysBefore(q * 91) } },
        token,
      );
      for (const r of data.reliabilityMetrics.services) if (!r.sloMet) bad.add(r.service.name);
    }
    expect(bad.size).toBeGreaterThanOrEqual(2);
  });

  it('shows prevention working: the Playlists multi-zone gap closed, then fewer and shorter incidents', async () => {
    const fixedAt = daysBefore(250);
    const gap = await t.db.query(
      `SELECT a.outcome, i.started_at < $1::timestamptz AS before, count(*)::int AS n
         FROM redundancy_assessment a JOIN incident i ON i.id = a.incident_id
         JOIN incident_service s ON s.incident_id = i.id JOIN service sv ON sv.id = s.service_id
         JOIN redundancy_mechanism m ON m.id = a.mechanism_id
        WHERE sv.name = 'Playlists' AND m.name = 'Multi-zone' GROUP BY 1, 2`,
      [fixedAt],
    );
    const count = (before: boolean, outcome?: string) =>
      gap.filter((g: any) => g.before === before && (!outcome || g.outcome === outcome)).reduce((n: number, g: any) => n + g.n, 0);
    expect(count(true, 'MISSING')).toBeGreaterThan(5);
    expect(count(false, 'MISSING')).toBe(0);
    expect(count(false)).toBeGreaterThan(0);
    // every action item for the gap is done, and done before the fix date (+ a day of rounding)
    const items = await one(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE a.status = 'DONE' AND a.completed_at <= $1::timestamptz + interval '1 day')::int AS done
         FROM action_item a JOIN redundancy_mechanism m ON m.id = a.mechanism_id
        WHERE m.name = 'Multi-zone' AND a.title LIKE '%Playlists%'`,
      [fixedAt],
    );
    expect(items.n).toBeGreaterThan(2);
    expect(items.done).toBe(items.n);
    // incidents per day and downtime per incident, the same stretch of time before and after the fix
    const rate = await t.db.query(
      `SELECT i.started_at < $1::timestamptz AS before, count(*)::int AS n, avg(coalesce(i.ttm_minutes, i.ttr_minutes))::float8 AS downtime
         FROM incident i JOIN incident_service s ON s.incident_id = i.id JOIN service sv ON sv.id = s.service_id
        WHERE sv.name = 'Playlists' AND i.in_metrics AND i.resolved_at IS NOT NULL
          AND i.started_at >= $1::timestamptz - interval '250 days' GROUP BY 1 ORDER BY 1`,
      [fixedAt],
    );
    const [after, before] = rate;
    expect(before.before).toBe(true);
    expect(after.n).toBeLessThan(before.n / 2);
    expect(after.downtime).toBeLessThan(before.downtime / 2);
  });

  it('gets faster over the last year: MTTR and median time to mitigate of the last two quarters below those a year ago', async () => {
    const token = await t.login();
    const period = async (fromDays: number, toDays: number) =>
      (
        await t.ok(
          `query($f: MetricsFilter) { reliabilityMetrics(filter: $f) { timeToResolve { meanMinutes } timeToMitigate { medianMinutes } } }`,
          { f: { from: daysBefore(fromDays), to: daysBefore(toDays) } },
          token,
        )
      ).reliabilityMetrics;
    const recent = await period(182, 0);
    const yearAgo = await period(365, 182);
    expect(recent.timeToResolve.meanMinutes).toBeLessThan(yearAgo.timeToResolve.meanMinutes);
    expect(recent.timeToMitigate.medianMinutes).toBeLessThan(yearAgo.timeToMitigate.medianMinutes);
  });

  it('has every kind of data: action items in each status (some overdue), detection sources, ongoing and mitigated incidents', async () => {
    const r = await one(
      `SELECT (SELECT array_agg(DISTINCT status::text ORDER BY status::text) FROM action_item) AS statuses,
        (SELECT count(*)::int FROM action_item WHERE status IN ('OPEN', 'IN_PROGRESS') AND due_date < $1::date) AS overdue,
        (SELECT count(DISTINCT detection_source)::int FROM incident) AS detection_sources,
        (SELECT count(*)::int FROM incident WHERE resolved_at IS NULL AND mitigated_at IS NULL) AS impacting,
        (SELECT count(*)::int FROM incident WHERE resolved_at IS NULL AND mitigated_at IS NOT NULL) AS mitigated`,
      [NOW],
    );
    expect(r.statuses).toEqual(['DONE', 'IN_PROGRESS', 'OPEN', 'WONT_DO']);
    expect(r.overdue).toBeGreaterThan(0);
    expect(r.detection_sources).toBe(6);
    expect(r.impacting).toBeGreaterThan(0);
    expect(r.mitigated).toBeGreaterThan(0);
  });

  it('is deterministic, whatever the batch size, and safe to run twice', async () => {
    const [{ digest }] = await t.db.query(DIGEST);
    expect(await digestOfReseed(7)).toBe(digest);
    expect(await digestOfReseed(8)).not.toBe(digest);

    const again = await seedDemoData(t.db.manager, { incidents: 400, seed: 7, now: NOW });
    expect(again).toEqual({ incidents: 0, services: 12, teams: 5 });
    expect(await one(`SELECT count(*)::int AS n FROM incident`)).toEqual({ n: 400 });
    expect(await one(`SELECT count(*)::int AS n FROM service`)).toEqual({ n: 12 });
  });
});
