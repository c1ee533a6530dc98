import { seedDemoData } from '../../../db/seeds/demo-data';
import { POST_MORTEM_SECTIONS } from '../../src/reviews/post-mortem.template';
import { startTestApp, TestApp } from '../harness';

const DAY = 86_400_000;
/**
 * The latest noon (UTC) before now. The data set moves with `now` only by whole days when its time of day stays the
 * same, so every run sees the same data; and it ends less than a day before the database's now(), which decides
 * which reviews are overdue (reliabilityMetrics.reviews.overdue).
 */
const NOW = new Date(Math.floor((Date.now() - DAY / 2) / DAY) * DAY + DAY / 2);
/** The default seed: the demo a first start seeds (at its own time of day, so a different sample of the same story). */
const SEED = 42;
const daysBefore = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const TEAMS = ['Playback', 'Identity', 'Discovery', 'Commerce', 'Edge'];

/** A fingerprint of the demo incidents and their reviews that does not depend on the ids they got. */
const DIGEST = `SELECT md5(string_agg(concat_ws(',', external_id, title, severity, kind, started_at, detected_at, acknowledged_at,
  mitigated_at, resolved_at, summary, pm.state, pm.published_at, pm.version, md5(pm.body)), ';' ORDER BY external_id)) AS digest
  FROM incident i LEFT JOIN post_mortem pm ON pm.incident_id = i.id WHERE source = 'demo'`;

class Rollback extends Error {}

describe('demo data seed (real PostgreSQL)', () => {
  let t: TestApp;
  let first: Awaited<ReturnType<typeof seedDemoData>>;
  const one = async (sql: string, params?: unknown[]) => (await t.db.query(sql, params))[0];

  beforeAll(async () => {
    t = await startTestApp();
    // an existing team, spelled differently, is reused rather than duplicated
    await t.db.query(`INSERT INTO team (name) VALUES ('PLAYBACK')`);
    first = await seedDemoData(t.db.manager, { incidents: 400, seed: SEED, now: NOW });
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

  it('writes a review on the template for every incident with a review state, published ones with publishedAt', async () => {
    const r = await one(
      `SELECT count(*) FILTER (WHERE i.postmortem_state <> 'NONE')::int AS with_state,
              count(pm.incident_id)::int AS reviews,
              count(*) FILTER (WHERE pm.incident_id IS NOT NULL AND pm.state <> i.postmortem_state)::int AS state_differs,
              count(*) FILTER (WHERE i.postmortem_state = 'PUBLISHED')::int AS published,
              count(*) FILTER (WHERE i.postmortem_state = 'PUBLISHED' AND pm.published_at >= i.resolved_at
                AND pm.published_at <= $1::timestamptz)::int AS published_in_order,
              count(*) FILTER (WHERE i.postmortem_state <> 'PUBLISHED' AND pm.published_at IS NOT NULL)::int AS stray_published_at,
              count(*) FILTER (WHERE pm.updated_at > $1::timestamptz OR pm.updated_at < i.started_at)::int AS bad_updated_at,
              (SELECT count(*)::int FROM post_mortem_reviewer) AS reviewers,
              (SELECT count(DISTINCT incident_id)::int FROM post_mortem_reviewer) AS reviewed,
              count(*) FILTER (WHERE pm.body NOT LIKE '## Summary%')::int AS off_template
         FROM incident i LEFT JOIN post_mortem pm ON pm.incident_id = i.id`,
      [NOW],
    );
    expect(r.with_state).toBeGreaterThan(100);
    expect(r).toMatchObject({ reviews: r.with_state, state_differs: 0, stray_published_at: 0, bad_updated_at: 0, off_template: 0 });
    expect(r.published).toBeGreaterThan(r.with_state / 2);
    expect(r.published_in_order).toBe(r.published);
    // the one user (the first admin) reviews every review
    expect(r).toMatchObject({ reviewers: r.reviews, reviewed: r.reviews });

    // through the API: a published review has every section written from its incident; a draft keeps the later prompts
    const token = await t.login();
    const review = async (state: string) => {
      const [{ id }] = await t.db.query(
        `SELECT i.id FROM incident i WHERE i.postmortem_state = $1 AND i.resolved_at IS NOT NULL ORDER BY i.started_at DESC LIMIT 1`,
        [state],
      );
      const data = await t.ok(
        `query($id: ID!) { incident(id: $id) { title resolvedAt services { name }
           postMortem { state body publishedAt version reviewers { email } } } }`,
        { id: String(id) },
        token,
      );
      return data.incident;
    };
    const published = await review('PUBLISHED');
    expect(published.postMortem).toMatchObject({ state: 'PUBLISHED', reviewers: [{ email: 'admin@example.com' }] });
    expect(new Date(published.postMortem.publishedAt).getTime()).toBeGreaterThan(new Date(published.resolvedAt).getTime());
    expect(published.postMortem.version).toBeGreaterThan(1);
    for (const [heading, prompt] of POST_MORTEM_SECTIONS) {
      expect(published.postMortem.body).toContain(`## ${heading}\n`);
      expect(published.postMortem.body).not.toContain(prompt);
    }
    expect(published.postMortem.body).toContain(published.services[0].name);
    expect(published.postMortem.body).toMatch(/Impact lasted \d/);
    const draft = await review('DRAFT');
    expect(draft.postMortem).toMatchObject({ state: 'DRAFT', publishedAt: null });
    expect(draft.postMortem.body).toContain(`## Timeline\n\nAll times UTC.`);
    expect(draft.postMortem.body).toContain(`_${POST_MORTEM_SECTIONS[8][1]}_`);
  });

  const loop = async (fromDays: number, toDays = 0) =>
    (
      await t.ok(
        `query($f: MetricsFilter) { reliabilityMetrics(filter: $f) { incidentCount
           reviews { required published publishedOnTime overdue medianDaysToPublish overdueIncidents { id } }
           repeats { count share }
           fixesThatDidNotHold { actionItem { id } incidents { id } } } }`,
        { f: { from: daysBefore(fromDays), to: daysBefore(toDays) } },
        await t.login(),
      )
    ).reliabilityMetrics;

  it('publishes reviews more and more on time, most within the due date, with a short list overdue', async () => {
    const year = await loop(365);
    const quarter = await loop(90);
    const yearAgo = await loop(365, 275);
    const onTime = (m: typeof year) => m.reviews.publishedOnTime / m.reviews.published;
    // enough required reviews in the overview's default period not to be a small sample
    expect(quarter.reviews.required).toBeGreaterThanOrEqual(5);
    expect(year.reviews.required).toBeGreaterThanOrEqual(15);
    expect(onTime(year)).toBeGreaterThan(0.5);
    expect(onTime(yearAgo)).toBeLessThan(0.7);
    expect(onTime(quarter)).toBeGreaterThanOrEqual(0.75);
    expect(onTime(quarter)).toBeGreaterThan(onTime(yearAgo));
    // right-skewed: the median well inside the 5-day due date
    expect(year.reviews.medianDaysToPublish).toBeGreaterThan(0.5);
    expect(year.reviews.medianDaysToPublish).toBeLessThan(5);
    // a short list: 2–5 in a quarter (a quarter of the 400-incident demo has 5–12 required reviews), a few more over the year
    expect(quarter.reviews.overdue).toBeGreaterThanOrEqual(2);
    expect(quarter.reviews.overdue).toBeLessThanOrEqual(8);
    expect(year.reviews.overdue).toBeGreaterThanOrEqual(3);
    expect(year.reviews.overdue).toBeLessThanOrEqual(10);
    expect(quarter.reviews.overdueIncidents).toHaveLength(quarter.reviews.overdue);
    expect(year.reviews.published + year.reviews.overdue).toBeLessThanOrEqual(year.reviews.required);
  });

  it('has some repeats and a few fixes that did not hold, while most fixes hold', async () => {
    const year = await loop(365);
    const quarter = await loop(90);
    expect(year.repeats.share).toBeGreaterThanOrEqual(0.1);
    expect(year.repeats.share).toBeLessThanOrEqual(0.25);
    expect(year.repeats.count).toBe(Math.round(year.repeats.share * year.incidentCount));
    expect(quarter.repeats.count).toBeGreaterThan(0);
    expect(quarter.repeats.share).toBeLessThanOrEqual(0.3);

    const notHeld = year.fixesThatDidNotHold as Array<{ actionItem: { id: string }; incidents: Array<{ id: string }> }>;
    expect(notHeld.length).toBeGreaterThanOrEqual(2);
    expect(notHeld.length).toBeLessThanOrEqual(5);
    for (const f of notHeld) expect(f.incidents.length).toBeGreaterThan(0);
    const { done } = await one(
      `SELECT count(*)::int AS done FROM action_item WHERE type = 'PREVENT' AND status = 'DONE' AND cause_id IS NOT NULL
          AND completed_at < $1::timestamptz`,
      [NOW],
    );
    expect(done).toBeGreaterThan(10 * notHeld.length);
  });

  it('keeps the repeat keys (kept by triggers) in step with incidents, services and primary causes', async () => {
    const [{ missing, extra, keys }] = await t.db.query(
      `WITH expected AS (
         SELECT i.id AS incident_id, s.service_id, c.cause_id, i.started_at FROM incident i
           JOIN incident_service s ON s.incident_id = i.id JOIN incident_cause c ON c.incident_id = i.id AND c.is_primary
          WHERE i.in_metrics)
       SELECT (SELECT count(*)::int FROM (SELECT * FROM expected EXCEPT SELECT incident_id, service_id, cause_id, started_at FROM repeat_key) x) AS missing,
              (SELECT count(*)::int FROM (SELECT incident_id, service_id, cause_id, started_at FROM repeat_key EXCEPT SELECT * FROM expected) x) AS extra,
              (SELECT count(*)::int FROM repeat_key) AS keys`,
    );
    expect({ missing, extra }).toEqual({ missing: 0, extra: 0 });
    expect(keys).toBeGreaterThan(300);
  });

  it('is deterministic, whatever the batch size, and safe to run twice', async () => {
    const [{ digest }] = await t.db.query(DIGEST);
    expect(await digestOfReseed(SEED)).toBe(digest);
    expect(await digestOfReseed(SEED + 1)).not.toBe(digest);

    const again = await seedDemoData(t.db.manager, { incidents: 400, seed: SEED, now: NOW });
    expect(again).toEqual({ incidents: 0, services: 12, teams: 5 });
    expect(await one(`SELECT count(*)::int AS n FROM incident`)).toEqual({ n: 400 });
    expect(await one(`SELECT count(*)::int AS n FROM service`)).toEqual({ n: 12 });
  });
});
