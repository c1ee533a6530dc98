import { seedDemoData } from '../../../db/seeds/demo-data';
import { startTestApp, TestApp } from '../harness';

const NOW = new Date('2026-06-15T12:00:00Z');
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
    expect(await one(`SELECT count(*)::int AS n FROM service_redundancy`)).toEqual({ n: 36 });
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
