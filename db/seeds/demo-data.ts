import {
  CAUSE_PROFILES,
  CONTRIBUTING_WEIGHTS,
  CauseProfile,
  DEMO_EPISODES,
  DEMO_GAP_FIX,
  DEMO_SERVICES,
  DEMO_TEAMS,
  DemoService,
  GAME_DAYS,
  REGIONS,
} from './demo-catalogue';
import { ReviewFacts, ReviewPlan, ReviewPlanner } from './demo-reviews';
import { Random, WeightedTable } from './random';

/** Anything with a pg-like `query`: a pg Client or Pool (`{ rows }`) or a TypeORM DataSource/EntityManager (rows). */
export interface SeedDb {
  query(sql: string, params?: unknown[]): Promise<any>;
}

export interface SeedDemoOptions {
  /** Incidents to generate (default 400). */
  incidents?: number;
  /** PRNG seed (default 42): the same seed, count and `now` give the same data. */
  seed?: number;
  /** The data set ends here (default: the current time); it starts two years earlier. */
  now?: Date;
  /** Incidents per INSERT statement (default 10,000). Does not change the data generated. */
  batchSize?: number;
  /** Called after each batch with the number of incidents processed so far. */
  onProgress?: (done: number) => void;
}

export interface SeedDemoResult {
  /** Incidents actually inserted (ones whose `demo-<n>` external id already existed are skipped). */
  incidents: number;
  services: number;
  teams: number;
}

export const DEFAULT_DEMO_INCIDENTS = 400;
export const DEMO_SOURCE = 'demo';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WINDOW_DAYS = 730;
const BUCKET_DAYS = 5;

type Severity = 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4';
type Detection = 'MONITORING' | 'CUSTOMER_REPORT' | 'SOCIAL_MEDIA' | 'INTERNAL_REPORT' | 'THIRD_PARTY' | 'OTHER';
type Outcome = 'MISSING' | 'FAILED' | 'PARTIAL' | 'WORKED';
type ActionStatus = 'OPEN' | 'IN_PROGRESS' | 'DONE' | 'WONT_DO';

interface MechanismRef {
  id: number;
  name: string;
}

interface CauseRef {
  id: number;
  profile: CauseProfile;
  mechanisms: MechanismRef[];
}

interface ServiceRef {
  id: number;
  name: string;
  teamId: number;
  teamName: string;
  profile: DemoService;
  declared: MechanismRef[];
  declaredIds: Set<number>;
  severities: WeightedTable<Severity>;
  causes: WeightedTable<CauseRef>;
  neighbours: ServiceRef[];
  /** DEMO_EPISODES of this service, as times (ms); `causes` replaces the service's table while one runs. */
  episodes: Array<{ from: number; to: number; rate: number; duration: number; causes: WeightedTable<CauseRef> }>;
  /** DEMO_GAP_FIX when it is this service's: the mechanism it lacked until `fixedAt`. */
  gapFix: { mechanismId: number; fixedAt: number } | null;
  /** Causes a PREVENT item here names (see FIXABLE_SHARE): the rare ones, which a fix can remove for good. */
  fixable: Set<number>;
  /** The usual mix of the fixable causes: what a fixed failure mode's incidents are redrawn from. */
  rareCauses: WeightedTable<CauseRef>;
}

interface Catalogue {
  teams: number;
  services: ServiceRef[];
  /** Which service an incident hits, per BUCKET_DAYS of age (index 0: the latest days), the episodes' rates applied. */
  serviceTables: WeightedTable<ServiceRef>[];
  contributing: WeightedTable<CauseRef>;
  gameDays: Array<{ title: string; cause: CauseRef | null; mechanism: MechanismRef }>;
  /** Users who review post-mortems (none on an empty database: reviews then have no reviewers). */
  users: number[];
  /** loop_setting: which counted incidents require a review, and when it is due. */
  reviewSeverities: Set<string>;
  reviewDueDays: number;
  repeatWindowDays: number;
}

/**
 * What closing the loop carried from one incident to the next (they are generated in start order), with its own
 * random stream so reviews never shift the main stream's draws:
 * - fixedAt: failure mode (`service:cause`) → when a PREVENT item naming it was done; from then on the fix holds
 *   (a later counted incident there is redrawn), except for the few that leak through (FIX_LEAK);
 * - pending: failure modes with a PREVENT item naming them still open: the next item there does not name the cause;
 * - lastAt: when each failure mode last happened, to damp repeats (REPEAT_DAMPING).
 */
interface Loop {
  rng: Random;
  reviews: ReviewPlanner;
  fixedAt: Map<string, number>;
  pending: Set<string>;
  /** failure mode → when its latest counted incident started */
  lastAt: Map<string, number>;
  /** Systematic sampling of FIX_LEAK (an accumulator with a random phase): the same share whatever the seed. */
  leakDue: number;
}

/** Whether this counted incident of a fixed failure mode happens anyway (a fix that did not hold): FIX_LEAK of them. */
function leaks(loop: Loop): boolean {
  loop.leakDue += FIX_LEAK;
  if (loop.leakDue < 1) return false;
  loop.leakDue -= 1;
  return true;
}

/**
 * A cause is fixable on a service when it is at most this share of the service's causes (also while an episode
 * runs): a fix for a rare failure mode removes it, while the common ones (releases, config pushes, capacity) keep
 * coming back whatever one item does, so the demo names the cause only on items for the rare ones. Otherwise nearly
 * every done PREVENT item would be a fix that did not hold.
 */
const FIXABLE_SHARE = 0.06;
/** Odds that a counted incident of a fixed failure mode happens anyway: a fix that did not hold. */
const FIX_LEAK = 0.07;
/**
 * Odds that a counted incident which would repeat its service's failure mode of the repeat window (loop_setting)
 * gets another cause: right after an incident its team hardens that path, so the same failure comes back less often
 * than chance alone (without this about 30 % of the demo's incidents repeat, with it about 20 %).
 */
const REPEAT_DAMPING = 0.6;
const failureMode = (serviceId: number, causeId: number) => `${serviceId}:${causeId}`;

/**
 * Seeds a deterministic demo data set for a fictional streaming company: five teams, twelve
 * services with SLOs and declared redundancy, and `incidents` incidents spread over the two years
 * before `now`, with causes, redundancy assessments, action items and timelines.
 *
 * Safe to run again: teams and services are reused by name, and incidents are keyed by
 * (`source` 'demo', `external_id` 'demo-<n>'), so a second run with the same count inserts nothing.
 * Each batch is one statement, so a failure never leaves an incident without its children; wrap
 * the call in a transaction (pass a transaction's EntityManager) to make the whole run atomic.
 */
export async function seedDemoData(db: SeedDb, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const total = options.incidents ?? DEFAULT_DEMO_INCIDENTS;
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`incidents must be a non-negative integer, got ${total}`);
  const batchSize = options.batchSize ?? 10_000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const nowMs = (options.now ?? new Date()).getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('now must be a valid date');
  const rng = new Random(options.seed ?? 42);

  const catalogue = await prepareCatalogue(db, nowMs);
  const result: SeedDemoResult = { incidents: 0, services: catalogue.services.length, teams: catalogue.teams };
  if (total === 0 || catalogue.services.length === 0) return result;

  const { times, ongoing } = startTimes(rng, total, nowMs);
  const loopRng = new Random(((options.seed ?? 42) ^ 0x5bd1e995) >>> 0);
  const loop: Loop = {
    rng: loopRng,
    // reviews on a third stream: they never move the fixes' and repeats' draws either
    reviews: new ReviewPlanner(new Random(((options.seed ?? 42) ^ 0x27d4eb2f) >>> 0), catalogue.reviewDueDays),
    fixedAt: new Map(),
    pending: new Set(),
    lastAt: new Map(),
    leakDue: loopRng.next(),
  };
  // Generate the next batch while PostgreSQL inserts the previous one; at most one statement in flight.
  let pending: Promise<number> | null = null;
  for (let from = 0; from < total; from += batchSize) {
    const to = Math.min(total, from + batchSize);
    const batch = new Batch();
    for (let i = from; i < to; i++) generateIncident(catalogue, rng, loop, nowMs, i + 1, times[i], ongoing[i], batch);
    if (pending) result.incidents += await pending;
    pending = insertBatch(db, batch).then((inserted) => {
      options.onProgress?.(to);
      return inserted;
    });
  }
  if (pending) result.incidents += await pending;
  return result;
}

async function rows(db: SeedDb, sql: string, params?: unknown[]): Promise<any[]> {
  const r = await db.query(sql, params);
  return Array.isArray(r) ? r : r.rows;
}

const lower = (s: string) => s.toLowerCase();

/** Creates the demo teams and services that do not exist yet and resolves every name to an id. */
async function prepareCatalogue(db: SeedDb, nowMs: number): Promise<Catalogue> {
  await db.query(`INSERT INTO team (name) SELECT unnest($1::text[]) ON CONFLICT ((lower(name))) DO NOTHING`, [[...DEMO_TEAMS]]);
  const teamRows = await rows(db, `SELECT id, name FROM team WHERE lower(name) = ANY($1::text[])`, [DEMO_TEAMS.map(lower)]);

  const created = await rows(
    db,
    `INSERT INTO service (name, description, team_id, slo)
     SELECT u.name, u.description, t.id, u.slo
       FROM unnest($1::text[], $2::text[], $3::text[], $4::numeric[]) AS u(name, description, team, slo)
       JOIN team t ON lower(t.name) = lower(u.team)
     ON CONFLICT ((lower(name))) DO NOTHING
     RETURNING id, name`,
    [
      DEMO_SERVICES.map((s) => s.name),
      DEMO_SERVICES.map((s) => s.description),
      DEMO_SERVICES.map((s) => s.team),
      DEMO_SERVICES.map((s) => s.slo),
    ],
  );
  const serviceRows = await rows(
    db,
    `SELECT s.id, s.name, s.team_id, t.name AS team_name FROM service s JOIN team t ON t.id = s.team_id
      WHERE lower(s.name) = ANY($1::text[])`,
    [DEMO_SERVICES.map((s) => lower(s.name))],
  );
  const mechanismRows = await rows(db, `SELECT id, name FROM redundancy_mechanism WHERE retired_at IS NULL`);
  const mechanisms = new Map<string, MechanismRef>(mechanismRows.map((m) => [lower(m.name), { id: m.id, name: m.name }]));
  const profileOf = new Map(DEMO_SERVICES.map((s) => [lower(s.name), s]));

  // Declared redundancy only for services this run created: an admin's declarations stay as they are.
  const createdNames = new Set(created.map((s) => lower(s.name)));
  const declareService: number[] = [];
  const declareMechanism: number[] = [];
  for (const s of serviceRows) {
    if (!createdNames.has(lower(s.name))) continue;
    for (const name of profileOf.get(lower(s.name))!.redundancy) {
      const m = mechanisms.get(lower(name));
      if (!m) continue;
      declareService.push(s.id);
      declareMechanism.push(m.id);
    }
  }
  if (declareService.length > 0) {
    await db.query(
      `INSERT INTO service_redundancy (service_id, mechanism_id) SELECT * FROM unnest($1::int[], $2::int[]) ON CONFLICT DO NOTHING`,
      [declareService, declareMechanism],
    );
  }
  const declaredRows = await rows(db, `SELECT service_id, mechanism_id FROM service_redundancy WHERE service_id = ANY($1::int[])`, [
    serviceRows.map((s) => s.id),
  ]);
  const mechanismById = new Map([...mechanisms.values()].map((m) => [m.id, m]));

  const causeRows = await rows(db, `SELECT id, name FROM root_cause WHERE parent_id IS NOT NULL AND retired_at IS NULL ORDER BY id`);
  const causeByName = new Map<string, number>();
  for (const c of causeRows) if (!causeByName.has(lower(c.name))) causeByName.set(lower(c.name), c.id);
  const causes = new Map<string, CauseRef>();
  for (const profile of CAUSE_PROFILES) {
    const id = causeByName.get(lower(profile.cause));
    if (id === undefined) continue;
    const linked = profile.mechanisms.map((n) => mechanisms.get(lower(n))).filter((m): m is MechanismRef => !!m);
    causes.set(profile.cause, { id, profile, mechanisms: linked });
  }

  const causeWeights = (profile: DemoService, affinity: Record<string, number> = {}) =>
    [...causes.values()]
      .filter((cause) => !cause.profile.services || cause.profile.services.includes(profile.name))
      .map(
        (cause) =>
          [cause, cause.profile.weight * (profile.causeAffinity[cause.profile.cause] ?? 1) * (affinity[cause.profile.cause] ?? 1)] as const,
      );
  const causeTable = (profile: DemoService, affinity: Record<string, number> = {}) => new WeightedTable(causeWeights(profile, affinity));
  /** The causes at most FIXABLE_SHARE of the service's, in its usual mix and in each of its episodes. */
  const fixable = (profile: DemoService) => {
    const mixes = [
      causeWeights(profile),
      ...DEMO_EPISODES.filter((e) => e.service === profile.name).map((e) => causeWeights(profile, e.causeAffinity)),
    ];
    const rare = new Set([...causes.values()].map((c) => c.id));
    for (const mix of mixes) {
      const total = mix.reduce((sum, [, w]) => sum + w, 0);
      for (const [cause, w] of mix) if (w > FIXABLE_SHARE * total) rare.delete(cause.id);
    }
    return rare;
  };
  const fixMechanism = mechanisms.get(lower(DEMO_GAP_FIX.mechanism));
  const services: ServiceRef[] = serviceRows
    .map((row) => {
      const profile = profileOf.get(lower(row.name))!;
      const declared = declaredRows
        .filter((d) => d.service_id === row.id)
        .map((d) => mechanismById.get(d.mechanism_id))
        .filter((m): m is MechanismRef => !!m);
      const c = profile.criticality;
      const rare = fixable(profile);
      return {
        id: row.id,
        name: row.name,
        teamId: row.team_id,
        teamName: row.team_name,
        profile,
        declared,
        declaredIds: new Set(declared.map((m) => m.id)),
        severities: new WeightedTable<Severity>([
          ['SEV1', 3 * c],
          ['SEV2', 16 * c],
          ['SEV3', 45],
          ['SEV4', 40],
        ]),
        causes: causeTable(profile),
        neighbours: [],
        episodes: DEMO_EPISODES.filter((e) => e.service === profile.name).map((e) => ({
          from: nowMs - e.fromDaysAgo * DAY,
          to: nowMs - e.toDaysAgo * DAY,
          rate: e.rate,
          duration: e.duration,
          causes: causeTable(profile, e.causeAffinity),
        })),
        gapFix:
          fixMechanism && DEMO_GAP_FIX.service === profile.name
            ? { mechanismId: fixMechanism.id, fixedAt: nowMs - DEMO_GAP_FIX.fixedDaysAgo * DAY }
            : null,
        fixable: rare,
        rareCauses: new WeightedTable(causeWeights(profile).filter(([cause]) => rare.has(cause.id))),
      };
    })
    // catalogue order, so generated data does not depend on the order rows came back in
    .sort((a, b) => DEMO_SERVICES.indexOf(a.profile) - DEMO_SERVICES.indexOf(b.profile));
  const byName = new Map(services.map((s) => [lower(s.profile.name), s]));
  for (const s of services) {
    s.neighbours = s.profile.neighbours.map((n) => byName.get(lower(n))).filter((n): n is ServiceRef => !!n);
  }

  const gameDays: Catalogue['gameDays'] = [];
  for (const g of GAME_DAYS) {
    const mechanism = mechanisms.get(lower(g.mechanism));
    if (mechanism) gameDays.push({ title: g.title, cause: causes.get(g.cause) ?? null, mechanism });
  }

  const users = (await rows(db, `SELECT id FROM app_user WHERE NOT disabled ORDER BY id LIMIT 100`)).map((u) => Number(u.id));
  const [settings] = await rows(
    db,
    `SELECT review_severities::text[] AS severities, review_due_days, repeat_window_days FROM loop_setting`,
  );

  const serviceTables: WeightedTable<ServiceRef>[] = [];
  for (let age = 0; age <= WINDOW_DAYS; age += BUCKET_DAYS) {
    const at = nowMs - (age + BUCKET_DAYS / 2) * DAY;
    serviceTables.push(new WeightedTable(services.map((s) => [s, s.profile.weight * (episodeAt(s, at)?.rate ?? 1)] as const)));
  }
  return {
    teams: teamRows.length,
    services,
    serviceTables,
    contributing: new WeightedTable(
      CONTRIBUTING_WEIGHTS.filter(([name]) => causes.has(name)).map(([name, w]) => [causes.get(name)!, w] as const),
    ),
    gameDays,
    users,
    reviewSeverities: new Set<string>(settings?.severities ?? ['SEV1', 'SEV2']),
    reviewDueDays: settings?.review_due_days ?? 5,
    repeatWindowDays: settings?.repeat_window_days ?? 90,
  };
}

function episodeAt(service: ServiceRef, t: number): ServiceRef['episodes'][number] | undefined {
  return service.episodes.find((e) => t >= e.from && t < e.to);
}

/**
 * How long responses take, relative to now: the organisation gets a little faster every quarter (runbooks,
 * paging, rollbacks), from 1.6× two years ago to 1× today.
 */
const responseFactor = (ageDays: number) => 1 + (0.6 * Math.min(Math.max(ageDays, 0), WINDOW_DAYS)) / WINDOW_DAYS;

/** Whether `service` had `mechanism` in place at time `t` (the gap fix of DEMO_GAP_FIX was done at its date). */
const hadMechanism = (service: ServiceRef, mechanismId: number, t: number) =>
  service.declaredIds.has(mechanismId) && !(service.gapFix?.mechanismId === mechanismId && t < service.gapFix.fixedAt);

/**
 * Start times, sorted, so `demo-<n>` and the incident ids follow time. Volume grows a little over
 * the two years (more members, more services) and clusters in working hours (changes) and the evening viewing peak. A few
 * incidents (0.1 %, at least 3) are forced ongoing in the last three days: `ongoing` is 1 for
 * those still impacting users and 2 for those mitigated but not yet resolved.
 */
function startTimes(rng: Random, total: number, nowMs: number): { times: Float64Array; ongoing: Uint8Array } {
  const forced = Math.min(total, Math.max(3, Math.round(total / 1000)));
  const windowStart = nowMs - WINDOW_DAYS * DAY;
  const regular = new Float64Array(total - forced);
  for (let i = 0; i < regular.length; i++) {
    // density 0.9 + 0.2x on [0, 1): inverse of its CDF
    const x = (-0.9 + Math.sqrt(0.81 + 0.4 * rng.next())) / 0.2;
    const day = Math.floor((windowStart + x * WINDOW_DAYS * DAY) / DAY) * DAY;
    const r = rng.next();
    const timeOfDay = r < 0.45 ? 8 * HOUR + rng.next() * 10 * HOUR : r < 0.7 ? 18 * HOUR + rng.next() * 5 * HOUR : rng.next() * DAY;
    let t = day + timeOfDay;
    if (t > nowMs - 20 * MINUTE) t = nowMs - 20 * MINUTE - rng.next() * 12 * HOUR;
    if (t < windowStart) t = windowStart + rng.next() * HOUR;
    regular[i] = Math.floor(t);
  }
  regular.sort();
  const recent = new Float64Array(forced);
  for (let i = 0; i < forced; i++) recent[i] = Math.floor(nowMs - 15 * MINUTE - rng.next() * (72 * HOUR - 15 * MINUTE));
  recent.sort();

  const times = new Float64Array(total);
  const ongoing = new Uint8Array(total);
  for (let i = 0, a = 0, b = 0; i < total; i++) {
    if (b < forced && (a >= regular.length || recent[b] < regular[a])) {
      ongoing[i] = b % 3 === 2 ? 2 : 1;
      times[i] = recent[b++];
    } else {
      times[i] = regular[a++];
    }
  }
  return { times, ongoing };
}

const DETECTION = new WeightedTable<Detection>([
  ['MONITORING', 74],
  ['CUSTOMER_REPORT', 10],
  ['SOCIAL_MEDIA', 4],
  ['INTERNAL_REPORT', 7],
  ['THIRD_PARTY', 4],
  ['OTHER', 1],
]);
const DETECTION_POOR = new WeightedTable<Detection>([
  ['CUSTOMER_REPORT', 45],
  ['SOCIAL_MEDIA', 25],
  ['INTERNAL_REPORT', 20],
  ['MONITORING', 5],
  ['OTHER', 5],
]);
const DETECTION_EXTERNAL = new WeightedTable<Detection>([
  ['MONITORING', 55],
  ['THIRD_PARTY', 25],
  ['CUSTOMER_REPORT', 12],
  ['SOCIAL_MEDIA', 5],
  ['INTERNAL_REPORT', 3],
]);
const EXTERNAL_CAUSES = new Set(['Dependency / third party', 'Cloud provider outage', 'CDN', 'DNS']);
/** Median minutes from start to detection by source. */
const DETECT_MEDIAN: Record<Detection, number> = {
  MONITORING: 2,
  CUSTOMER_REPORT: 15,
  SOCIAL_MEDIA: 12,
  INTERNAL_REPORT: 8,
  THIRD_PARTY: 6,
  OTHER: 12,
};
/**
 * By severity, today (responseFactor scales older ones): median minutes detect→acknowledge, the factor on
 * the service's mitigationMinutes (acknowledge→mitigate), and median minutes mitigate→resolve (the
 * follow-up after users are fine again: most of the time to resolve, none of the downtime).
 */
const PHASE_MEDIANS: Record<Severity, [number, number, number]> = {
  SEV1: [1, 1.6, 90],
  SEV2: [2, 1.2, 120],
  SEV3: [4, 1, 150],
  SEV4: [6, 1, 200],
};
const NEAR_MISS_SEVERITY = new WeightedTable<Severity>([
  ['SEV2', 10],
  ['SEV3', 50],
  ['SEV4', 40],
]);
const GAME_DAY_SEVERITY = new WeightedTable<Severity>([
  ['SEV3', 60],
  ['SEV4', 40],
]);
const REGION_TABLE = new WeightedTable(REGIONS);
const ASSESSMENT_COUNT = new WeightedTable([
  [0, 25],
  [1, 40],
  [2, 25],
  [3, 10],
] as const);
const CONTRIBUTING_COUNT = new WeightedTable([
  [0, 55],
  [1, 33],
  [2, 12],
] as const);
const OUTCOME_DECLARED = new WeightedTable<Outcome>([
  ['FAILED', 20],
  ['PARTIAL', 35],
  ['WORKED', 45],
]);
const OUTCOME_DECLARED_SEV1 = new WeightedTable<Outcome>([
  ['FAILED', 40],
  ['PARTIAL', 35],
  ['WORKED', 25],
]);
/** The fixed gap's mechanism in the incidents after the fix. */
const OUTCOME_FIXED = new WeightedTable<Outcome>([
  ['WORKED', 60],
  ['PARTIAL', 35],
  ['FAILED', 5],
]);
const OUTCOME_NEAR_MISS = new WeightedTable<Outcome>([
  ['WORKED', 70],
  ['PARTIAL', 25],
  ['FAILED', 5],
]);
const OUTCOME_GAME_DAY = new WeightedTable<Outcome>([
  ['WORKED', 55],
  ['PARTIAL', 25],
  ['FAILED', 20],
]);
/** Due more than OLD_DUE_DAYS ago: settled one way or the other, with rare stragglers. */
const OLD_DUE_DAYS = 120;
const STATUS_LONG_PAST_DUE = new WeightedTable<ActionStatus>([
  ['DONE', 90],
  ['WONT_DO', 8],
  ['IN_PROGRESS', 1],
  ['OPEN', 1],
]);
const STATUS_PAST_DUE = new WeightedTable<ActionStatus>([
  ['DONE', 72],
  ['WONT_DO', 5],
  ['IN_PROGRESS', 13],
  ['OPEN', 10],
]);
const STATUS_NOT_DUE = new WeightedTable<ActionStatus>([
  ['DONE', 25],
  ['IN_PROGRESS', 35],
  ['OPEN', 40],
]);
const STATUS_NEW = new WeightedTable<ActionStatus>([
  ['OPEN', 70],
  ['IN_PROGRESS', 30],
]);
const PROCESS_ITEMS = [
  'Update the {svc} runbook with this failure mode',
  'Review the {team} escalation policy',
  'Add this scenario to the next {svc} game day',
  'Share the learnings of this incident at the engineering review',
];
const OUTCOME_NOTES: Record<Outcome, string> = {
  MISSING: '{svc} does not have {mech}.',
  FAILED: '{mech} was in place but did not engage.',
  PARTIAL: '{mech} limited the blast radius but did not prevent impact.',
  WORKED: '{mech} contained the failure.',
};

/** Column arrays of one batch, one array per statement parameter. */
class Batch {
  incident = {
    n: [] as number[],
    title: [] as string[],
    summary: [] as string[],
    severity: [] as string[],
    postmortem: [] as string[],
    kind: [] as string[],
    excluded: [] as boolean[],
    private: [] as boolean[],
    team: [] as number[],
    regions: [] as string[],
    impact: [] as string[],
    percent: [] as (number | null)[],
    detection: [] as string[],
    started: [] as string[],
    detected: [] as (string | null)[],
    acknowledged: [] as (string | null)[],
    mitigated: [] as (string | null)[],
    resolved: [] as (string | null)[],
    created: [] as string[],
    updated: [] as string[],
  };
  service = { n: [] as number[], id: [] as number[] };
  cause = {
    n: [] as number[],
    id: [] as number[],
    primary: [] as boolean[],
    state: [] as string[],
    setAt: [] as string[],
    confirmedAt: [] as (string | null)[],
  };
  assessment = { n: [] as number[], mechanism: [] as number[], outcome: [] as string[], notes: [] as string[], at: [] as string[] };
  action = {
    n: [] as number[],
    title: [] as string[],
    type: [] as string[],
    status: [] as string[],
    due: [] as string[],
    cause: [] as (number | null)[],
    mechanism: [] as (number | null)[],
    created: [] as string[],
    completed: [] as (string | null)[],
  };
  timeline = { n: [] as number[], at: [] as string[], kind: [] as string[], message: [] as string[] };
  review = {
    n: [] as number[],
    state: [] as string[],
    body: [] as string[],
    published: [] as (string | null)[],
    version: [] as number[],
    updated: [] as string[],
  };
  reviewer = { n: [] as number[], user: [] as number[] };

  params(): unknown[] {
    const { incident: i, service: s, cause: c, assessment: a, action: x, timeline: t, review: r, reviewer: v } = this;
    return [
      i.n,
      i.title,
      i.summary,
      i.severity,
      i.postmortem,
      i.kind,
      i.excluded,
      i.private,
      i.team,
      i.regions,
      i.impact,
      i.percent,
      i.detection,
      i.started,
      i.detected,
      i.acknowledged,
      i.mitigated,
      i.resolved,
      i.created,
      i.updated,
      s.n,
      s.id,
      c.n,
      c.id,
      c.primary,
      c.state,
      c.setAt,
      c.confirmedAt,
      a.n,
      a.mechanism,
      a.outcome,
      a.notes,
      a.at,
      x.n,
      x.title,
      x.type,
      x.status,
      x.due,
      x.cause,
      x.mechanism,
      x.created,
      x.completed,
      t.n,
      t.at,
      t.kind,
      t.message,
      r.n,
      r.state,
      r.body,
      r.published,
      r.version,
      r.updated,
      v.n,
      v.user,
    ];
  }
}

/**
 * One statement per batch: the incidents, then every child row joined to the ids they got (by
 * external id, so an incident skipped by ON CONFLICT takes its children with it).
 */
const INSERT_BATCH = `
WITH inc AS (
  INSERT INTO incident (title, summary, severity, postmortem_state, kind, exclude_from_metrics, private, team_id,
    regions, customer_impact, affected_users_percent, detection_source, started_at, detected_at, acknowledged_at,
    mitigated_at, resolved_at, source, external_id, created_at, updated_at)
  SELECT u.title, u.summary, u.severity, u.postmortem_state, u.kind, u.excluded, u.private, u.team_id,
    u.regions::text[], u.customer_impact, u.percent, u.detection_source, u.started_at, u.detected_at,
    u.acknowledged_at, u.mitigated_at, u.resolved_at, '${DEMO_SOURCE}', '${DEMO_SOURCE}-' || u.n, u.created_at, u.updated_at
  FROM unnest($1::int[], $2::text[], $3::text[], $4::severity[], $5::postmortem_state[], $6::incident_kind[],
      $7::bool[], $8::bool[], $9::int[], $10::text[], $11::text[], $12::numeric[], $13::detection_source[],
      $14::timestamptz[], $15::timestamptz[], $16::timestamptz[], $17::timestamptz[], $18::timestamptz[],
      $19::timestamptz[], $20::timestamptz[])
    AS u(n, title, summary, severity, postmortem_state, kind, excluded, private, team_id, regions, customer_impact,
      percent, detection_source, started_at, detected_at, acknowledged_at, mitigated_at, resolved_at, created_at,
      updated_at)
  ORDER BY u.n
  ON CONFLICT (source, external_id) WHERE external_id IS NOT NULL DO NOTHING
  RETURNING id, external_id
),
ids AS (SELECT id, substr(external_id, ${DEMO_SOURCE.length + 2})::int AS n FROM inc),
services AS (
  INSERT INTO incident_service (incident_id, service_id)
  SELECT ids.id, u.service_id FROM unnest($21::int[], $22::int[]) AS u(n, service_id) JOIN ids USING (n)
),
causes AS (
  INSERT INTO incident_cause (incident_id, cause_id, is_primary, state, set_by, set_at, confirmed_by, confirmed_at)
  SELECT ids.id, u.cause_id, u.is_primary, u.state, '${DEMO_SOURCE}', u.set_at,
    CASE WHEN u.confirmed_at IS NULL THEN NULL ELSE '${DEMO_SOURCE}' END, u.confirmed_at
  FROM unnest($23::int[], $24::int[], $25::bool[], $26::tag_state[], $27::timestamptz[], $28::timestamptz[])
    AS u(n, cause_id, is_primary, state, set_at, confirmed_at)
  JOIN ids USING (n)
),
assessments AS (
  INSERT INTO redundancy_assessment (incident_id, mechanism_id, outcome, notes, assessed_by, assessed_at)
  SELECT ids.id, u.mechanism_id, u.outcome, u.notes, '${DEMO_SOURCE}', u.assessed_at
  FROM unnest($29::int[], $30::int[], $31::redundancy_outcome[], $32::text[], $33::timestamptz[])
    AS u(n, mechanism_id, outcome, notes, assessed_at)
  JOIN ids USING (n)
),
actions AS (
  INSERT INTO action_item (incident_id, title, type, status, due_date, cause_id, mechanism_id, created_at, completed_at)
  SELECT ids.id, u.title, u.type, u.status, u.due_date, u.cause_id, u.mechanism_id, u.created_at, u.completed_at
  FROM unnest($34::int[], $35::text[], $36::action_item_type[], $37::action_item_status[], $38::date[], $39::int[],
      $40::int[], $41::timestamptz[], $42::timestamptz[])
    AS u(n, title, type, status, due_date, cause_id, mechanism_id, created_at, completed_at)
  JOIN ids USING (n)
),
timeline AS (
  INSERT INTO timeline_event (incident_id, at, kind, message, author, created_at)
  SELECT ids.id, u.at, u.kind, u.message, '${DEMO_SOURCE}', u.at
  FROM unnest($43::int[], $44::timestamptz[], $45::text[], $46::text[]) AS u(n, at, kind, message)
  JOIN ids USING (n)
),
reviews AS (
  INSERT INTO post_mortem (incident_id, state, body, published_at, version, updated_at, updated_by)
  SELECT ids.id, u.state, u.body, u.published_at, u.version, u.updated_at, '${DEMO_SOURCE}'
  FROM unnest($47::int[], $48::postmortem_state[], $49::text[], $50::timestamptz[], $51::int[], $52::timestamptz[])
    AS u(n, state, body, published_at, version, updated_at)
  JOIN ids USING (n)
),
reviewers AS (
  INSERT INTO post_mortem_reviewer (incident_id, user_id)
  SELECT ids.id, u.user_id FROM unnest($53::int[], $54::int[]) AS u(n, user_id) JOIN ids USING (n)
)
SELECT count(*)::int AS inserted FROM inc`;

async function insertBatch(db: SeedDb, batch: Batch): Promise<number> {
  const [row] = await rows(db, INSERT_BATCH, batch.params());
  return Number(row?.inserted ?? 0);
}

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A log-normal number of minutes in milliseconds, clamped to [min, max] minutes. */
function minutes(rng: Random, median: number, sigma: number, min: number, max: number): number {
  return Math.round(Math.min(max, Math.max(min, rng.logNormal(median, sigma))) * MINUTE);
}

function generateIncident(
  cat: Catalogue,
  rng: Random,
  loop: Loop,
  nowMs: number,
  n: number,
  startedAt: number,
  /** 0: as the durations fall; 1: forced ongoing; 2: forced ongoing but mitigated. */
  forcedOngoing: number,
  batch: Batch,
): void {
  const gameDay = cat.gameDays.length > 0 && rng.chance(0.012) ? rng.pick(cat.gameDays) : null;
  const nearMiss = !gameDay && rng.chance(0.08);
  const ageDays = (nowMs - startedAt) / DAY;
  const service = cat.serviceTables[Math.min(cat.serviceTables.length - 1, Math.max(0, Math.floor(ageDays / BUCKET_DAYS)))].draw(rng);
  const episode = episodeAt(service, startedAt);
  const causeTable = episode?.causes ?? service.causes;
  const counted = !gameDay && !nearMiss;
  // a fix that holds: a counted incident does not come back to a failure mode fixed before it started (FIX_LEAK aside)
  const fixed = (s: ServiceRef, c: CauseRef | null) => c !== null && (loop.fixedAt.get(failureMode(s.id, c.id)) ?? Infinity) < startedAt;
  let firstCause = gameDay ? gameDay.cause : causeTable.size > 0 ? causeTable.draw(rng) : null;
  const recent = (s: ServiceRef, c: CauseRef | null) =>
    c !== null && (loop.lastAt.get(failureMode(s.id, c.id)) ?? -Infinity) >= startedAt - cat.repeatWindowDays * DAY;
  if (counted && recent(service, firstCause) && loop.rng.chance(REPEAT_DAMPING)) firstCause = causeTable.draw(loop.rng);
  if (counted && fixed(service, firstCause) && !leaks(loop) && service.rareCauses.size > 0) {
    // another rare failure mode (the common ones keep their share); when all are fixed (very large data sets), the
    // last draw stands
    for (let k = 0; k < 8 && fixed(service, firstCause); k++) firstCause = service.rareCauses.draw(loop.rng);
  }
  const cause = firstCause;
  const severity = gameDay ? GAME_DAY_SEVERITY.draw(rng) : nearMiss ? NEAR_MISS_SEVERITY.draw(rng) : service.severities.draw(rng);
  const symptom = rng.pick(service.profile.symptoms);
  const fill = (template: string) =>
    template
      .replace(/\{svc\}/g, service.name)
      .replace(/\{symptom\}/g, symptom)
      .replace(/\{team\}/g, service.teamName)
      .replace(/\{ver\}/g, () => `v${rng.int(1, 4)}.${rng.int(0, 60)}.${rng.int(0, 20)}`);

  let title = capitalise(fill(gameDay ? gameDay.title : cause ? rng.pick(cause.profile.titles) : '{symptom} on {svc}'));
  if (nearMiss) title = `Near miss: ${title}`;

  // affected services: the primary one and sometimes a neighbour it dragged along
  const secondChance =
    gameDay || nearMiss ? 0.05 : severity === 'SEV1' ? 0.35 : severity === 'SEV2' ? 0.2 : severity === 'SEV3' ? 0.06 : 0.03;
  let second = service.neighbours.length > 0 && rng.chance(secondChance) ? rng.pick(service.neighbours) : null;
  if (second && counted && fixed(second, cause) && !leaks(loop)) second = null;
  if (counted && cause) for (const s of second ? [service, second] : [service]) loop.lastAt.set(failureMode(s.id, cause.id), startedAt);

  const regions = [REGION_TABLE.draw(rng)];
  const extraRegions = (rng.chance(0.25) ? 1 : 0) + (rng.chance(severity === 'SEV1' ? 0.4 : 0.05) ? 1 : 0);
  for (let k = 0; k < extraRegions; k++) {
    const r = REGION_TABLE.draw(rng);
    if (!regions.includes(r)) regions.push(r);
  }

  const detection: Detection = gameDay
    ? 'INTERNAL_REPORT'
    : cause?.profile.poorlyDetected
      ? DETECTION_POOR.draw(rng)
      : cause && EXTERNAL_CAUSES.has(cause.profile.cause)
        ? DETECTION_EXTERNAL.draw(rng)
        : DETECTION.draw(rng);

  // phases: right-skewed (log-normal) durations, each phase after the previous one, slower in an episode
  // and a little slower the older they are (responseFactor)
  const [ackMedian, mitigateFactor, resolveMedian] = PHASE_MEDIANS[severity];
  const slower = responseFactor(ageDays) * (gameDay ? 1 : (episode?.duration ?? 1));
  let detected = startedAt + minutes(rng, gameDay ? 0.5 : DETECT_MEDIAN[detection] * slower, 0.9, 0.25, 3 * 24 * 60);
  let acknowledged = detected + minutes(rng, (ackMedian * slower) / service.profile.criticality, 0.8, 0.25, 24 * 60);
  const mitigation = minutes(
    rng,
    gameDay ? 40 : service.profile.mitigationMinutes * mitigateFactor * slower,
    gameDay ? 0.5 : 0.9,
    1,
    5 * 24 * 60,
  );
  const recovery = minutes(rng, resolveMedian * slower, 0.9, 1, 4 * 24 * 60);
  const hasMitigation = rng.chance(gameDay ? 0.9 : nearMiss ? 0.4 : 0.93);
  let mitigated: number | null = hasMitigation ? acknowledged + mitigation : null;
  // without a separate mitigation, impact ended when the incident was resolved: a short blip closed at once
  let resolved: number | null = hasMitigation ? mitigated! + recovery : acknowledged + mitigation + Math.round(recovery * 0.05);

  const ongoing = forcedOngoing > 0 || resolved > nowMs;
  if (ongoing) {
    resolved = null;
    if (forcedOngoing === 2) mitigated = acknowledged + mitigation;
    else if (forcedOngoing === 1 || (mitigated !== null && mitigated > nowMs)) mitigated = null;
    const last = mitigated ?? acknowledged;
    if (last > nowMs - MINUTE) {
      // squeeze the phases that already happened into the time elapsed so far
      const factor = ((nowMs - MINUTE - startedAt) / (last - startedAt)) * rng.between(0.3, 0.9);
      const squeeze = (t: number) => startedAt + Math.floor((t - startedAt) * factor);
      detected = squeeze(detected);
      acknowledged = squeeze(acknowledged);
      if (mitigated !== null) mitigated = squeeze(mitigated);
    }
  }
  const lastPhase = resolved ?? mitigated ?? acknowledged;
  // a moment after `from`: log-normal, but never past now (spread over what is left, not piled up at now)
  const later = (from: number, medianMinutes: number) => {
    const t = from + minutes(rng, medianMinutes, 0.8, 1, 60 * 24 * 60);
    return t <= nowMs ? t : from + Math.floor(Math.max(0, nowMs - from) * rng.next());
  };

  // post-mortems: always for SEV1/SEV2; when each is published: planReview (required ones are due after reviewDueDays)
  const needsPostmortem = rng.chance(
    gameDay ? 0.8 : nearMiss ? 0.3 : severity === 'SEV1' || severity === 'SEV2' ? 1 : severity === 'SEV3' ? 0.45 : 0.12,
  );
  let review: ReviewPlan | null = null;
  if (ongoing) review = rng.chance(0.3) ? loop.reviews.planOngoing(acknowledged, nowMs) : null;
  else if (needsPostmortem) {
    rng.next(); // (the draw that once picked the state by age: kept, so the rest of the data set stays as it was)
    review = loop.reviews.plan(counted && cat.reviewSeverities.has(severity), resolved!, nowMs);
  }
  const postmortem = review?.state ?? 'NONE';

  const privateIncident = !gameDay && rng.chance(cause?.profile.privateShare ?? 0.015);

  let percent: number | null = null;
  let impact: string;
  const where = regions.join(', ');
  if (gameDay) impact = 'None: planned exercise.';
  else if (nearMiss) impact = 'None: caught before users were affected.';
  else {
    if (rng.chance(0.85)) {
      const median = severity === 'SEV1' ? 30 : severity === 'SEV2' ? 8 : severity === 'SEV3' ? 1.5 : 0.2;
      percent = Math.round(Math.min(100, rng.logNormal(median, 0.6)) * 1000) / 1000;
    }
    impact =
      percent === null
        ? `Users in ${where} ${service.profile.impact}.`
        : `About ${percent} % of users in ${where} ${service.profile.impact}.`;
  }

  const serviceNames = second ? `${service.name} and ${second.name}` : service.name;
  const summary = gameDay
    ? `Planned exercise of ${gameDay.mechanism.name} on ${service.name}; customers were not affected.`
    : `${capitalise(symptom)} on ${serviceNames} in ${where}. ${cause ? fill(cause.profile.explanation) : ''} ${
        ongoing ? 'Investigation ongoing.' : cause ? `${fill(cause.profile.mitigation)}.` : ''
      }`
        .replace(/ +/g, ' ')
        .trim();

  const updated = Math.max(postmortem === 'NONE' ? lastPhase : later(lastPhase, 3 * 24 * 60), review?.publishedAt ?? 0);
  const i = batch.incident;
  i.n.push(n);
  i.title.push(title);
  i.summary.push(summary);
  i.severity.push(severity);
  i.postmortem.push(postmortem);
  i.kind.push(nearMiss ? 'NEAR_MISS' : 'INCIDENT');
  i.excluded.push(gameDay !== null);
  i.private.push(privateIncident);
  i.team.push(service.teamId);
  i.regions.push(`{${regions.join(',')}}`);
  i.impact.push(impact);
  i.percent.push(percent);
  i.detection.push(detection);
  i.started.push(iso(startedAt));
  i.detected.push(iso(detected));
  i.acknowledged.push(iso(acknowledged));
  i.mitigated.push(isoOrNull(mitigated));
  i.resolved.push(isoOrNull(resolved));
  i.created.push(iso(acknowledged));
  i.updated.push(iso(Math.max(updated, acknowledged)));

  batch.service.n.push(n);
  batch.service.id.push(service.id);
  if (second) {
    batch.service.n.push(n);
    batch.service.id.push(second.id);
  }

  // causes: untagged while fresh (teams tag first and review later), confirmed once reviewed
  const tagged = cause !== null && (gameDay !== null || !rng.chance(ageDays < 7 ? 0.5 : 0.03));
  const contributingNames: string[] = [];
  if (tagged) {
    const confirmOdds = postmortem === 'PUBLISHED' ? 0.9 : postmortem === 'IN_REVIEW' ? 0.5 : 0.15;
    const used = new Set<number>();
    const tag = (c: CauseRef, primary: boolean) => {
      used.add(c.id);
      const setAt = later(Math.min(lastPhase, nowMs), 24 * 60);
      const confirmedAt = rng.chance(confirmOdds) ? setAt + minutes(rng, 3 * 24 * 60, 0.8, 10, 30 * 24 * 60) : null;
      const confirmed = confirmedAt !== null && confirmedAt <= nowMs;
      batch.cause.n.push(n);
      batch.cause.id.push(c.id);
      batch.cause.primary.push(primary);
      batch.cause.state.push(confirmed ? 'CONFIRMED' : 'PROPOSED');
      batch.cause.setAt.push(iso(setAt));
      batch.cause.confirmedAt.push(confirmed ? iso(confirmedAt) : null);
    };
    tag(cause, true);
    const contributing = cat.contributing.size > 0 ? CONTRIBUTING_COUNT.draw(rng) : 0;
    for (let k = 0; k < contributing; k++) {
      const c = cat.contributing.draw(rng);
      if (!used.has(c.id)) {
        tag(c, false);
        contributingNames.push(c.profile.cause);
      }
    }
  }

  const facts: ReviewFacts = {
    summary,
    impact,
    team: service.teamName,
    cause: tagged ? cause!.profile.cause : null,
    explanation: tagged ? fill(cause!.profile.explanation) : null,
    contributing: contributingNames,
    detection,
    detectionMessage: detectionMessage(detection, symptom, service),
    mitigation: cause ? cause.profile.mitigation : null,
    startedAt,
    detectedAt: detected,
    acknowledgedAt: acknowledged,
    mitigatedAt: mitigated,
    resolvedAt: resolved,
    assessments: [],
    actions: [],
  };
  if (ongoing) {
    addTimeline(batch, rng, n, service, cause, symptom, severity, detection, detected, acknowledged, mitigated, null, nowMs);
    if (review) addReview(batch, loop, cat, n, review, facts);
    return;
  }

  // redundancy assessments: the mechanisms this kind of failure tests, plus one the service declares
  const candidates: MechanismRef[] = [];
  if (gameDay) candidates.push(gameDay.mechanism);
  else {
    // a post-mortem names a mechanism the service lacks less often than one that it has, except the gap
    // everyone talked about before its fix (it comes first)
    const gap = service.gapFix && startedAt < service.gapFix.fixedAt ? service.gapFix.mechanismId : null;
    const linked = cause ? cause.mechanisms.filter((m) => m.id !== gap && (hadMechanism(service, m.id, startedAt) || rng.chance(0.3))) : [];
    if (gap !== null && cause?.mechanisms.some((m) => m.id === gap)) candidates.push(cause.mechanisms.find((m) => m.id === gap)!);
    while (linked.length > 0) candidates.push(linked.splice(Math.floor(rng.next() * linked.length), 1)[0]);
    if (service.declared.length > 0) {
      const extra = rng.pick(service.declared);
      if (!candidates.includes(extra)) candidates.push(extra);
    }
  }
  const drawn = ASSESSMENT_COUNT.draw(rng);
  const assessedCount = gameDay
    ? 1
    : Math.min(candidates.length, service.gapFix?.mechanismId === candidates[0]?.id ? Math.max(1, drawn) : drawn);
  const gaps: Array<{ mechanism: MechanismRef; outcome: Outcome }> = [];
  for (let k = 0; k < assessedCount; k++) {
    const mechanism = candidates[k];
    const outcome: Outcome = !hadMechanism(service, mechanism.id, startedAt)
      ? 'MISSING'
      : (gameDay
          ? OUTCOME_GAME_DAY
          : nearMiss
            ? OUTCOME_NEAR_MISS
            : service.gapFix?.mechanismId === mechanism.id
              ? OUTCOME_FIXED
              : severity === 'SEV1'
                ? OUTCOME_DECLARED_SEV1
                : OUTCOME_DECLARED
        ).draw(rng);
    batch.assessment.n.push(n);
    batch.assessment.mechanism.push(mechanism.id);
    batch.assessment.outcome.push(outcome);
    const note = OUTCOME_NOTES[outcome].replace('{svc}', service.name).replace('{mech}', mechanism.name);
    batch.assessment.notes.push(note);
    facts.assessments.push({ outcome, note });
    batch.assessment.at.push(iso(later(lastPhase, 2 * 24 * 60)));
    if (outcome === 'MISSING' || outcome === 'FAILED') gaps.push({ mechanism, outcome });
  }

  // action items: close gaps, prevent the cause, detect it sooner, fix the process
  const weight = postmortem === 'NONE' && (severity === 'SEV3' || severity === 'SEV4') ? 0.4 : 1;
  const services = second ? [service, second] : [service];
  let namedCause = false;
  const addAction = (title: string, type: string, causeIdOf: number | null, mechanismId: number | null) => {
    let causeId = causeIdOf;
    const created = later(lastPhase, 2 * 24 * 60);
    const due = created + rng.int(14, 90) * DAY;
    let status =
      due < nowMs - OLD_DUE_DAYS * DAY
        ? STATUS_LONG_PAST_DUE.draw(rng)
        : due < nowMs
          ? STATUS_PAST_DUE.draw(rng)
          : nowMs - created < 3 * DAY
            ? STATUS_NEW.draw(rng)
            : STATUS_NOT_DUE.draw(rng);
    let completed: number | null = null;
    const fix = service.gapFix;
    if (fix && mechanismId === fix.mechanismId && created < fix.fixedAt) {
      // the gap's items were closed by the one project that fixed it
      status = 'DONE';
      completed = Math.max(created + DAY, fix.fixedAt - rng.int(0, 20) * DAY);
      if (completed > nowMs) {
        status = 'IN_PROGRESS';
        completed = null;
      }
    } else if (status === 'DONE') {
      completed = created + minutes(rng, 12 * 24 * 60, 0.8, 30, 180 * 24 * 60);
      if (completed > nowMs) {
        status = 'IN_PROGRESS';
        completed = null;
      }
    }
    if (type === 'PREVENT' && causeId !== null) {
      // names the cause only where a fix can remove it and no other open item already aims at it (see Loop)
      const modes = services.map((s) => failureMode(s.id, causeId!));
      // (one item per review names it: the others are parts of the same fix)
      if (namedCause || !services.every((s) => s.fixable.has(causeId!)) || modes.some((m) => loop.pending.has(m))) causeId = null;
      else if (status === 'DONE') for (const m of modes) loop.fixedAt.set(m, Math.min(loop.fixedAt.get(m) ?? Infinity, completed!));
      else if (status !== 'WONT_DO') for (const m of modes) loop.pending.add(m);
      namedCause ||= causeId !== null;
    }
    facts.actions.push({ title, type, status });
    const a = batch.action;
    a.n.push(n);
    a.title.push(title);
    a.type.push(type);
    a.status.push(status);
    a.due.push(iso(due).slice(0, 10));
    a.cause.push(causeId);
    a.mechanism.push(mechanismId);
    a.created.push(iso(created));
    a.completed.push(isoOrNull(completed));
  };
  const causeId = tagged && cause ? cause.id : null;
  for (const gap of gaps) {
    if (!rng.chance(0.65 * weight)) continue;
    if (gap.outcome === 'MISSING') addAction(`Add ${gap.mechanism.name} for ${service.name}`, 'PREVENT', causeId, gap.mechanism.id);
    else addAction(`Make ${gap.mechanism.name} engage automatically for ${service.name}`, 'MITIGATE', causeId, gap.mechanism.id);
  }
  if (cause && !gameDay && rng.chance(0.7 * weight)) addAction(fill(cause.profile.prevention), 'PREVENT', causeId, null);
  if (detection !== 'MONITORING' && !gameDay && rng.chance(0.6 * weight)) {
    addAction(`Alert on ${symptom} for ${service.name}`, 'DETECT', null, null);
  }
  if (rng.chance(0.2 * weight)) addAction(fill(rng.pick(PROCESS_ITEMS)), 'PROCESS', null, null);

  addTimeline(batch, rng, n, service, cause, symptom, severity, detection, detected, acknowledged, mitigated, resolved, nowMs);
  if (review) addReview(batch, loop, cat, n, review, facts);
}

function addReview(batch: Batch, loop: Loop, cat: Catalogue, n: number, review: ReviewPlan, facts: ReviewFacts): void {
  const r = batch.review;
  r.n.push(n);
  r.state.push(review.state);
  r.body.push(loop.reviews.body(facts, review.state));
  r.published.push(isoOrNull(review.publishedAt));
  r.version.push(review.version);
  r.updated.push(iso(review.updatedAt));
  for (const user of loop.reviews.reviewers(cat.users)) {
    batch.reviewer.n.push(n);
    batch.reviewer.user.push(user);
  }
}

function detectionMessage(detection: Detection, symptom: string, service: ServiceRef): string {
  return DETECTION_MESSAGES[detection].replace('{symptom}', symptom).replace('{svc}', service.name);
}

const DETECTION_MESSAGES: Record<Detection, string> = {
  MONITORING: 'Alert fired: {symptom} on {svc}',
  CUSTOMER_REPORT: 'Support escalated customer reports of {symptom}',
  SOCIAL_MEDIA: 'Social media team flagged complaints about {symptom}',
  INTERNAL_REPORT: 'Employee reported {symptom} in #incidents',
  THIRD_PARTY: 'A provider status page reported degradation affecting {svc}',
  OTHER: 'Reported: {symptom} on {svc}',
};

function addTimeline(
  batch: Batch,
  rng: Random,
  n: number,
  service: ServiceRef,
  cause: CauseRef | null,
  symptom: string,
  severity: Severity,
  detection: Detection,
  detected: number,
  acknowledged: number,
  mitigated: number | null,
  resolved: number | null,
  nowMs: number,
): void {
  const t = batch.timeline;
  const add = (at: number, kind: string, message: string) => {
    t.n.push(n);
    t.at.push(iso(at));
    t.kind.push(kind);
    t.message.push(message);
  };
  add(detected, 'DETECTION', detectionMessage(detection, symptom, service));
  add(acknowledged, 'ACKNOWLEDGEMENT', `${service.teamName} on-call acknowledged the page`);
  const end = mitigated ?? resolved ?? nowMs;
  if ((severity === 'SEV1' || severity === 'SEV2') && rng.chance(0.8)) {
    add(
      acknowledged + Math.floor((end - acknowledged) * rng.between(0.05, 0.3)),
      'ESCALATION',
      'Incident commander paged; status page updated',
    );
  }
  if (cause && rng.chance(0.6)) {
    add(acknowledged + Math.floor((end - acknowledged) * rng.between(0.3, 0.9)), 'NOTE', `Likely cause identified: ${cause.profile.cause}`);
  }
  if (mitigated !== null) add(mitigated, 'MITIGATION', cause ? cause.profile.mitigation : 'Impact mitigated');
  if (resolved !== null) add(resolved, 'RESOLUTION', 'Recovery confirmed; incident resolved');
}
