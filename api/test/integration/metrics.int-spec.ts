/**
 * reliabilityMetrics on the real PostgreSQL with small hand-built data sets. Each scenario lives in its
 * own window of time (or its own team), so the scenarios do not see each other; every expected number is
 * computed by hand in the comments.
 */
import { createWorld, World } from '../factories/incidents';
import { startTestApp, TestApp } from '../harness';

const STAT = `{ count meanMinutes medianMinutes p90Minutes smallSample }`;
const CREATE = `mutation($i:CreateIncidentInput!){ createIncident(input:$i){ id } }`;
const MIN = 60_000;

const at = (iso: string, plusMinutes = 0) => new Date(new Date(iso).getTime() + plusMinutes * MIN).toISOString();

describe('reliabilityMetrics (real PostgreSQL)', () => {
  let t: TestApp;
  let w: World;
  let s2: string; // a second service of team A
  const mech: Record<string, string> = {};
  const cause: Record<string, string> = {};

  /** Creates an incident as the admin; times are minutes after startedAt (null = absent). */
  async function incident(o: {
    start: string;
    detect?: number | null;
    ack?: number | null;
    mitigate?: number | null;
    resolve?: number | null;
    services?: string[];
    teamId?: string;
    [k: string]: unknown;
  }): Promise<string> {
    const { start, detect, ack, mitigate, resolve, services, teamId, ...rest } = o;
    const rel = (m: number | null | undefined) => (m === undefined || m === null ? null : at(start, m));
    const d = await t.ok(
      CREATE,
      {
        i: {
          title: `metrics ${start}`,
          severity: 'SEV2',
          serviceIds: services ?? [w.serviceId],
          teamId: teamId ?? w.teamId,
          startedAt: start,
          detectedAt: rel(detect),
          acknowledgedAt: rel(ack),
          mitigatedAt: rel(mitigate),
          resolvedAt: rel(resolve),
          ...rest,
        },
      },
      w.token,
    );
    return d.createIncident.id;
  }

  const assess = (incidentId: string, mechanismId: string, outcome: string) =>
    t.ok(`mutation($i:AssessRedundancyInput!){ assessRedundancy(input:$i){ id } }`, { i: { incidentId, mechanismId, outcome } }, w.token);

  const metrics = async (filter: Record<string, unknown> | null, selection: string, token = w.token) =>
    (await t.ok(`query($f:MetricsFilter){ reliabilityMetrics(filter:$f){ ${selection} } }`, { f: filter }, token)).reliabilityMetrics;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t, 'Streaming');
    s2 = (await t.ok(`mutation($t:ID!){ createService(input:{name:"Search API", teamId:$t, slo:99.5}){ id } }`, { t: w.teamId }, w.token))
      .createService.id;
    for (const m of (await t.ok(`{ redundancyMechanisms { id name } }`, {}, w.token)).redundancyMechanisms) mech[m.name] = m.id;
    for (const c of (await t.ok(`{ rootCauses { id name } }`, {}, w.token)).rootCauses) cause[c.name] = c.id;
  });
  afterAll(() => t.close());

  describe('January 2025: counts, duration statistics, detection, histogram', () => {
    const JAN = { from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' };
    beforeAll(async () => {
      // start                 detect ack mitigate resolve  source
      await incident({ start: '2025-01-05T00:00:00Z', detect: 1, ack: 2, mitigate: 5, resolve: 10, detectionSource: 'MONITORING' });
      await incident({ start: '2025-01-10T00:00:00Z', detect: 2, ack: 4, mitigate: 8, resolve: 20, detectionSource: 'MONITORING' });
      await incident({ start: '2025-01-15T00:00:00Z', detect: 3, resolve: 30, detectionSource: 'CUSTOMER_REPORT' });
      await incident({ start: '2025-01-20T00:00:00Z', detect: 4, ack: 6, mitigate: 16, resolve: 40 });
      // ongoing: counted, but its detect time (5) is in no statistic
      await incident({ start: '2025-01-25T00:00:00Z', detect: 5, detectionSource: 'MONITORING' });
      // excluded (game day) and near miss: counted apart, in no statistic
      await incident({ start: '2025-01-26T00:00:00Z', detect: 1, resolve: 1000, excludeFromMetrics: true });
      await incident({ start: '2025-01-27T00:00:00Z', detect: 1, resolve: 500, kind: 'NEAR_MISS' });
    });

    it('counts incidents, ongoing ones included, and the excluded and near misses apart', async () => {
      const m = await metrics(JAN, 'incidentCount ongoingCount excludedCount nearMissCount periodStart periodEnd periodMinutes');
      expect(m).toEqual({
        incidentCount: 5,
        ongoingCount: 1,
        excludedCount: 1,
        nearMissCount: 1,
        periodStart: '2025-01-01T00:00:00.000Z',
        periodEnd: '2025-02-01T00:00:00.000Z',
        periodMinutes: 31 * 1440, // 44,640
      });
    });

    it('gives count, mean, continuous median and p90 over resolved incidents having both timestamps', async () => {
      const m = await metrics(
        JAN,
        `timeToResolve ${STAT} timeToDetect ${STAT} timeToAcknowledge ${STAT} timeToMitigate ${STAT} downtimeMinutes`,
      );
      // resolve 10,20,30,40: mean 25; median (20+30)/2 = 25; p90 at rank 0.9×3 = 2.7 → 30 + 0.7×10 = 37
      expect(m.timeToResolve.count).toBe(4);
      expect(m.timeToResolve.meanMinutes).toBeCloseTo(25, 9);
      expect(m.timeToResolve.medianMinutes).toBeCloseTo(25, 9);
      expect(m.timeToResolve.p90Minutes).toBeCloseTo(37, 9);
      expect(m.timeToResolve.smallSample).toBe(true);
      // detect 1,2,3,4 (the ongoing one's 5 is left out): mean 2.5, median 2.5, p90 3 + 0.7×1 = 3.7
      expect(m.timeToDetect.count).toBe(4);
      expect(m.timeToDetect.meanMinutes).toBeCloseTo(2.5, 9);
      expect(m.timeToDetect.medianMinutes).toBeCloseTo(2.5, 9);
      expect(m.timeToDetect.p90Minutes).toBeCloseTo(3.7, 9);
      // acknowledge 2,4,6 (one incident has none): mean 4, median 4, p90 at rank 1.8 → 4 + 0.8×2 = 5.6
      expect(m.timeToAcknowledge.count).toBe(3);
      expect(m.timeToAcknowledge.meanMinutes).toBeCloseTo(4, 9);
      expect(m.timeToAcknowledge.medianMinutes).toBeCloseTo(4, 9);
      expect(m.timeToAcknowledge.p90Minutes).toBeCloseTo(5.6, 9);
      // mitigate 5,8,16: mean 29/3, median 8, p90 8 + 0.8×8 = 14.4
      expect(m.timeToMitigate.count).toBe(3);
      expect(m.timeToMitigate.meanMinutes).toBeCloseTo(29 / 3, 9);
      expect(m.timeToMitigate.medianMinutes).toBeCloseTo(8, 9);
      expect(m.timeToMitigate.p90Minutes).toBeCloseTo(14.4, 9);
      // downtime: mitigated − started where mitigated, else resolved − started: 5 + 8 + 30 + 16 = 59
      expect(m.downtimeMinutes).toBeCloseTo(59, 9);
    });

    it('computes availability, error budget and MTBF of the service over the period', async () => {
      const m = await metrics(
        JAN,
        `services { service { id name } incidentCount downtimeMinutes availability slo sloMet errorBudgetUsed mtbfMinutes }`,
      );
      const s = m.services.find((x: any) => x.service.id === w.serviceId);
      expect(s.incidentCount).toBe(5);
      expect(s.downtimeMinutes).toBeCloseTo(59, 9);
      expect(s.slo).toBe(99.9);
      expect(s.availability).toBeCloseTo(100 * (1 - 59 / 44640), 9); // 99.8678...
      expect(s.sloMet).toBe(false);
      expect(s.errorBudgetUsed).toBeCloseTo(59 / (0.001 * 44640), 9); // 1.3217: budget overspent
      expect(s.mtbfMinutes).toBeCloseTo((44640 - 59) / 5, 9); // 8,916.2
      // every service is listed without a service or team filter; the other one had nothing
      const other = m.services.find((x: any) => x.service.id === s2);
      expect(other).toMatchObject({ incidentCount: 0, downtimeMinutes: 0, availability: 100, errorBudgetUsed: 0, mtbfMinutes: null });
    });

    it('shares incidents by detection source with time to detect per source', async () => {
      const m = await metrics(JAN, `detection { source incidentCount share timeToDetect { count meanMinutes } }`);
      // MONITORING: 3 of 5 (one ongoing: detect times 1, 2); CUSTOMER_REPORT 1 (3); not recorded 1 (4)
      expect(m.detection).toEqual([
        { source: 'MONITORING', incidentCount: 3, share: 0.6, timeToDetect: { count: 2, meanMinutes: 1.5 } },
        { source: 'CUSTOMER_REPORT', incidentCount: 1, share: 0.2, timeToDetect: { count: 1, meanMinutes: 3 } },
        { source: null, incidentCount: 1, share: 0.2, timeToDetect: { count: 1, meanMinutes: 4 } },
      ]);
    });

    it('counts detection sources per trend bucket, every source seen in the trend in every bucket', async () => {
      const m = await metrics(JAN, `trend(granularity: WEEK) { periodStart incidentCount byDetection { source count } }`);
      // weeks (Mondays): 2024-12-30 (Jan 5: MONITORING), 2025-01-06 (Jan 10: MONITORING), 01-13 (Jan 15: CUSTOMER_REPORT),
      // 01-20 (Jan 20: not recorded; Jan 25: MONITORING, ongoing); the excluded and the near miss count nowhere
      const row = (monitoring: number, customer: number, none: number) => [
        { source: 'MONITORING', count: monitoring },
        { source: 'CUSTOMER_REPORT', count: customer },
        { source: null, count: none },
      ];
      expect(m.trend).toEqual([
        { periodStart: '2024-12-30T00:00:00.000Z', incidentCount: 1, byDetection: row(1, 0, 0) },
        { periodStart: '2025-01-06T00:00:00.000Z', incidentCount: 1, byDetection: row(1, 0, 0) },
        { periodStart: '2025-01-13T00:00:00.000Z', incidentCount: 1, byDetection: row(0, 1, 0) },
        { periodStart: '2025-01-20T00:00:00.000Z', incidentCount: 2, byDetection: row(1, 0, 1) },
      ]);
    });

    it('puts times to resolve in histogram buckets', async () => {
      const m = await metrics(JAN, `durationHistogram { fromMinutes toMinutes count }`);
      // 10 → [5,15), 20 → [15,30), 30 and 40 → [30,60)
      expect(m.durationHistogram.slice(0, 5)).toEqual([
        { fromMinutes: 0, toMinutes: 5, count: 0 },
        { fromMinutes: 5, toMinutes: 15, count: 1 },
        { fromMinutes: 15, toMinutes: 30, count: 1 },
        { fromMinutes: 30, toMinutes: 60, count: 2 },
        { fromMinutes: 60, toMinutes: 120, count: 0 },
      ]);
      expect(m.durationHistogram.at(-1)).toEqual({ fromMinutes: 10080, toMinutes: null, count: 0 });
    });

    it('keeps fractional minutes to the millisecond', async () => {
      // one incident resolved 1 min 0.3 s after its start: 1.005 minutes, not rounded
      const w2 = await createWorld(t, 'Precision');
      await t.ok(
        CREATE,
        {
          i: {
            title: 'ms',
            severity: 'SEV3',
            serviceIds: [w2.serviceId],
            teamId: w2.teamId,
            startedAt: '2025-01-03T00:00:00.000Z',
            resolvedAt: '2025-01-03T00:01:00.300Z',
          },
        },
        w.token,
      );
      const m = await metrics({ ...JAN, teamIds: [w2.teamId] }, `timeToResolve { count meanMinutes } downtimeMinutes`);
      expect(m.timeToResolve.count).toBe(1);
      expect(m.timeToResolve.meanMinutes).toBeCloseTo(1.005, 12);
      expect(m.downtimeMinutes).toBeCloseTo(1.005, 12);
    });
  });

  describe('February 2025: overlapping outages, redundancy gaps, action items', () => {
    const FEB = { from: '2025-02-01T00:00:00Z', to: '2025-03-01T00:00:00Z' }; // 28 days = 40,320 minutes
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      // S1: impact [10:00, 11:00)    (resolved 12:00, but mitigated at 11:00)
      ids.J1 = await incident({ start: '2025-02-03T10:00:00Z', mitigate: 60, resolve: 120 });
      // S1+S2: impact [10:30, 11:30)
      ids.J2 = await incident({ start: '2025-02-03T10:30:00Z', resolve: 60, services: [w.serviceId, s2] });
      // S1: impact [10:40, 10:50), inside the others
      ids.J3 = await incident({ start: '2025-02-03T10:40:00Z', mitigate: 10, resolve: 140 });
      // S2: 15 minutes
      ids.J4 = await incident({ start: '2025-02-10T00:00:00Z', resolve: 15, services: [s2] });
      // S1: ongoing
      ids.J5 = await incident({ start: '2025-02-20T00:00:00Z' });
      // S2: 2 hours from 23:00 on the last day; only the first 60 minutes fall in the period
      ids.J6 = await incident({ start: '2025-02-28T23:00:00Z', resolve: 120, services: [s2] });

      const M1 = mech['Multi-region'];
      const M2 = mech['Database replica / failover'];
      await assess(ids.J1, M1, 'MISSING');
      await assess(ids.J2, M1, 'FAILED');
      await assess(ids.J3, M1, 'WORKED'); // not a gap
      await assess(ids.J5, M1, 'MISSING'); // ongoing: counted, no downtime
      await assess(ids.J4, M2, 'FAILED');
      await assess(ids.J6, M2, 'PARTIAL'); // not a gap

      // No action-item mutation yet: rows go in directly.
      const item = (inc: string, status: string, o: { mech?: string; due?: string; created?: string; completed?: string } = {}) =>
        t.db.query(
          `INSERT INTO action_item (incident_id, title, status, mechanism_id, due_date, created_at, completed_at)
           VALUES ($1, 'fix', $2, $3, $4, coalesce($5::timestamptz, now()), $6)`,
          [inc, status, o.mech ?? null, o.due ?? null, o.created ?? null, o.completed ?? null],
        );
      await item(ids.J1, 'DONE', { mech: M1, created: '2025-02-03T12:00:00Z', completed: '2025-02-05T12:00:00Z' }); // 2 days
      await item(ids.J1, 'DONE', { created: '2025-02-03T12:00:00Z', completed: '2025-02-07T00:00:00Z' }); // 3.5 days
      await item(ids.J2, 'IN_PROGRESS', { mech: M2, due: '2020-01-01' }); // overdue; M2 is not J2's gap
      await item(ids.J2, 'WONT_DO');
      await item(ids.J4, 'OPEN', { mech: M2, due: '2999-01-01' }); // covers S2 × M2
      await item(ids.J3, 'DONE', { created: '2025-02-03T12:00:00Z', completed: '2025-02-04T00:00:00Z' }); // 0.5 days
    });

    it('merges overlapping incidents of a service so no minute counts twice', async () => {
      const m = await metrics(
        FEB,
        `incidentCount ongoingCount downtimeMinutes services { service { id } incidentCount downtimeMinutes availability errorBudgetUsed mtbfMinutes }`,
      );
      expect(m.incidentCount).toBe(6);
      expect(m.ongoingCount).toBe(1);
      // per incident, no merging: 60 + 60 + 10 + 15 + 120 = 265
      expect(m.downtimeMinutes).toBeCloseTo(265, 9);
      const s1 = m.services.find((x: any) => x.service.id === w.serviceId);
      // [10:00,11:00) ∪ [10:30,11:30) ∪ [10:40,10:50) = [10:00,11:30) = 90 minutes; incidents J1 J2 J3 J5
      expect(s1.incidentCount).toBe(4);
      expect(s1.downtimeMinutes).toBeCloseTo(90, 9);
      expect(s1.availability).toBeCloseTo(100 * (1 - 90 / 40320), 9);
      expect(s1.errorBudgetUsed).toBeCloseTo(90 / (0.001 * 40320), 9);
      expect(s1.mtbfMinutes).toBeCloseTo((40320 - 90) / 4, 9); // 10,057.5
      const sv2 = m.services.find((x: any) => x.service.id === s2);
      // J2 60 + J4 15 + J6 cut at the period end 60 = 135; SLO 99.5
      expect(sv2.incidentCount).toBe(3);
      expect(sv2.downtimeMinutes).toBeCloseTo(135, 9);
      expect(sv2.errorBudgetUsed).toBeCloseTo(135 / (0.005 * 40320), 9);
      expect(sv2.mtbfMinutes).toBeCloseTo((40320 - 135) / 3, 9);
      // most error budget used first
      expect(m.services[0].service.id).toBe(w.serviceId);
    });

    it('lists redundancy gaps per service × mechanism, ongoing incidents counted, and whether an open item covers them', async () => {
      const m = await metrics(
        FEB,
        `redundancyGaps { service { id } mechanism { name } gapCount missingCount failedCount downtimeMinutes covered }`,
      );
      const gap = (service: string, mechanism: string, counts: number[], downtimeMinutes: number, covered: boolean) => ({
        service: { id: service },
        mechanism: { name: mechanism },
        gapCount: counts[0],
        missingCount: counts[1],
        failedCount: counts[2],
        downtimeMinutes,
        covered,
      });
      expect(m.redundancyGaps).toEqual([
        // J1 MISSING (60), J2 FAILED (60), J5 MISSING (ongoing: counted, no downtime); only a DONE item names Multi-region
        gap(w.serviceId, 'Multi-region', [3, 2, 1], 120, false),
        // J2's gap (FAILED) counts for both of its services
        gap(s2, 'Multi-region', [1, 0, 1], 60, false),
        // J4 FAILED, with an OPEN item naming the mechanism
        gap(s2, 'Database replica / failover', [1, 0, 1], 15, true),
      ]);
    });

    it('reports action-item progress', async () => {
      const m = await metrics(FEB, `actionItems { opened open done overdue medianDaysToDone incidentsAllDoneShare }`);
      // 6 items; open: J2's IN_PROGRESS and J4's OPEN; done: 3; overdue: J2's (due 2020);
      // days to done 2, 3.5, 0.5 → median 2; all done (WONT_DO ignored): J1 yes, J2 no, J3 yes, J4 no → 2/4
      expect(m.actionItems).toEqual({ opened: 6, open: 2, done: 3, overdue: 1, medianDaysToDone: 2, incidentsAllDoneShare: 0.5 });
    });

    it('filters by service', async () => {
      const m = await metrics({ ...FEB, serviceIds: [s2] }, `incidentCount downtimeMinutes services { service { id } downtimeMinutes }`);
      // J2 J4 J6; downtime 60 + 15 + 120; only the asked service is listed
      expect(m.incidentCount).toBe(3);
      expect(m.downtimeMinutes).toBeCloseTo(195, 9);
      expect(m.services).toEqual([{ service: { id: s2 }, downtimeMinutes: 135 }]);
    });
  });

  describe('2024 Q2–Q3: causes, Pareto, quarter boundary, trend, previous period', () => {
    const Q2Q3 = { from: '2024-04-01T00:00:00Z', to: '2024-10-01T00:00:00Z' };
    const Q3 = { from: '2024-07-01T00:00:00Z', to: '2024-10-01T00:00:00Z' };
    beforeAll(async () => {
      const k1 = await incident({
        start: '2024-06-10T00:00:00Z',
        resolve: 30,
        primaryCauseId: cause.DNS,
        contributingCauseIds: [cause['Deployment / release']],
      });
      await t.ok(`mutation($i:ID!,$c:ID!){ reviewCause(incidentId:$i, causeId:$c){ id } }`, { i: k1, c: cause.DNS }, w.token);
      // the last millisecond of Q2
      await incident({
        start: '2024-06-30T23:59:59.999Z',
        resolve: 60,
        primaryCauseId: cause.DNS,
        contributingCauseIds: [cause['Deployment / release']],
      });
      // the first instant of Q3; the category itself as primary cause
      await incident({ start: '2024-07-01T00:00:00Z', resolve: 90, primaryCauseId: cause.Network });
      await incident({ start: '2024-07-15T00:00:00Z', resolve: 120, severity: 'SEV1', primaryCauseId: cause['Deployment / release'] });
      await incident({ start: '2024-09-01T00:00:00Z', primaryCauseId: cause.CDN }); // ongoing
      await incident({ start: '2024-09-02T00:00:00Z', resolve: 10 }); // no cause
    });

    it('counts incidents per primary cause in Pareto order with shares', async () => {
      const m = await metrics(
        Q2Q3,
        `incidentCount byRootCause { name cause { id } incidentCount share cumulativeShare downtimeMinutes timeToResolve ${STAT} }`,
      );
      expect(m.incidentCount).toBe(6);
      expect(m.byRootCause.map((c: any) => [c.name, c.incidentCount, c.downtimeMinutes])).toEqual([
        ['DNS', 2, 90],
        ['Deployment / release', 1, 120], // ties by count: more downtime first
        ['Network', 1, 90], // a category assigned as primary cause, under its own name
        ['CDN', 1, 0], // ongoing: counted, no downtime
      ]);
      const [dns, , , cdn] = m.byRootCause;
      expect(dns.cause.id).toBe(cause.DNS);
      expect(dns.share).toBeCloseTo(2 / 6, 12);
      expect(dns.cumulativeShare).toBeCloseTo(2 / 6, 12);
      expect(cdn.cumulativeShare).toBeCloseTo(5 / 6, 12); // the sixth incident has no cause
      // 30, 60: mean 45, median 45, p90 30 + 0.9×30 = 57
      expect(dns.timeToResolve).toEqual({ count: 2, meanMinutes: 45, medianMinutes: 45, p90Minutes: 57, smallSample: true });
      expect(cdn.timeToResolve).toEqual({ count: 0, meanMinutes: null, medianMinutes: null, p90Minutes: null, smallSample: true });
    });

    it('rolls causes up to categories and counts contributing factors apart', async () => {
      const m = await metrics(
        Q2Q3,
        `byRootCategory { name incidentCount share downtimeMinutes } contributingFactors { name incidentCount share downtimeMinutes }`,
      );
      expect(m.byRootCategory).toEqual([
        { name: 'Network', incidentCount: 4, share: 4 / 6, downtimeMinutes: 180 }, // DNS×2, Network, CDN
        { name: 'Change', incidentCount: 1, share: 1 / 6, downtimeMinutes: 120 },
      ]);
      expect(m.contributingFactors).toEqual([{ name: 'Deployment / release', incidentCount: 2, share: 2 / 6, downtimeMinutes: 90 }]);
    });

    it('filters by root cause (a category takes its causes) and by confirmed tags only', async () => {
      const m = await metrics({ ...Q2Q3, rootCauseIds: [cause.Network] }, `incidentCount`);
      expect(m.incidentCount).toBe(4);
      const c = await metrics({ ...Q2Q3, rootCauseIds: [cause.Network], confirmedOnly: true }, `incidentCount`);
      expect(c.incidentCount).toBe(1); // only the first DNS tag was confirmed
      const all = await metrics(
        { ...Q2Q3, confirmedOnly: true },
        `incidentCount byRootCause { name incidentCount share } contributingFactors { name }`,
      );
      expect(all.incidentCount).toBe(6);
      expect(all.byRootCause).toEqual([{ name: 'DNS', incidentCount: 1, share: 1 / 6 }]);
      expect(all.contributingFactors).toEqual([]);
    });

    it('splits a quarter boundary exactly and compares with the previous quarter', async () => {
      const m = await metrics(
        Q3,
        `incidentCount periodMinutes previous { periodStart periodEnd periodMinutes incidentCount timeToResolve { meanMinutes } }`,
      );
      expect(m.incidentCount).toBe(4); // from 2024-07-01T00:00:00.000 inclusive
      expect(m.periodMinutes).toBe(92 * 1440);
      expect(m.previous).toEqual({
        periodStart: '2024-04-01T00:00:00.000Z', // the calendar quarter before, not 92 days before
        periodEnd: '2024-07-01T00:00:00.000Z',
        periodMinutes: 91 * 1440,
        incidentCount: 2, // including 23:59:59.999 on June 30
        timeToResolve: { meanMinutes: 45 },
      });
      const odd = await metrics({ from: '2024-07-01T00:00:00Z', to: '2024-07-11T00:00:00Z' }, `previous { periodStart periodEnd }`);
      expect(odd.previous).toEqual({ periodStart: '2024-06-21T00:00:00.000Z', periodEnd: '2024-07-01T00:00:00.000Z' });
      // without `to`, the length counts to the start of today (UTC): 90 days from midnight → the 90 days before
      const midnight = Math.floor(Date.now() / 86_400_000) * 86_400_000;
      const from = new Date(midnight - 90 * 86_400_000);
      const open = await metrics({ from: from.toISOString() }, `previous { periodStart periodEnd }`);
      expect(open.previous).toEqual({
        periodStart: new Date(from.getTime() - 90 * 86_400_000).toISOString(),
        periodEnd: from.toISOString(),
      });
    });

    it('gives a trend per bucket with empty buckets between the first and the last', async () => {
      const m = await metrics(
        Q2Q3,
        `months: trend(granularity: MONTH) { periodStart incidentCount downtimeMinutes timeToResolve { count medianMinutes } timeToDetect { count } bySeverity { severity count } }
         quarters: trend(granularity: QUARTER) { periodStart incidentCount }
         weeks: trend(granularity: WEEK) { periodStart incidentCount }`,
      );
      expect(m.months.map((p: any) => [p.periodStart, p.incidentCount, p.downtimeMinutes])).toEqual([
        ['2024-06-01T00:00:00.000Z', 2, 90],
        ['2024-07-01T00:00:00.000Z', 2, 210],
        ['2024-08-01T00:00:00.000Z', 0, 0], // empty, still there
        ['2024-09-01T00:00:00.000Z', 2, 10],
      ]);
      // July: 90 and 120 → median 105; one SEV1, one SEV2
      expect(m.months[1].timeToResolve).toEqual({ count: 2, medianMinutes: 105 });
      expect(m.months[1].bySeverity).toEqual([
        { severity: 'SEV1', count: 1 },
        { severity: 'SEV2', count: 1 },
        { severity: 'SEV3', count: 0 },
        { severity: 'SEV4', count: 0 },
      ]);
      expect(m.months[2].timeToResolve).toEqual({ count: 0, medianMinutes: null });
      expect(m.quarters).toEqual([
        { periodStart: '2024-04-01T00:00:00.000Z', incidentCount: 2 },
        { periodStart: '2024-07-01T00:00:00.000Z', incidentCount: 4 },
      ]);
      // ISO weeks start on Monday: 2024-06-10 is a Monday; 2024-06-30 (Sunday) is in the week of 2024-06-24
      expect(m.weeks[0]).toEqual({ periodStart: '2024-06-10T00:00:00.000Z', incidentCount: 1 });
      expect(m.weeks.find((p: any) => p.periodStart === '2024-06-24T00:00:00.000Z').incidentCount).toBe(1);
      expect(m.weeks.at(-1)).toEqual({ periodStart: '2024-09-02T00:00:00.000Z', incidentCount: 1 });
      expect(m.weeks).toHaveLength(13); // 2024-06-10 .. 2024-09-02, every Monday
    });
  });

  describe('visibility, empty periods, input errors, limits, cache', () => {
    let payments: World;
    beforeAll(async () => {
      payments = await createWorld(t, 'Payments');
      // team Payments: one public, one private incident in January 2023
      await incident({ start: '2023-01-10T00:00:00Z', resolve: 10, services: [payments.serviceId], teamId: payments.teamId });
      await incident({
        start: '2023-01-11T00:00:00Z',
        resolve: 20,
        services: [payments.serviceId],
        teamId: payments.teamId,
        private: true,
      });
    });
    const JAN23 = { from: '2023-01-01T00:00:00Z', to: '2023-02-01T00:00:00Z' };

    const userToken = async (email: string, role: string, teamIds: string[]) => {
      await t.ok(
        `mutation($i:CreateUserInput!){ createUser(input:$i){ id } }`,
        { i: { email, password: 'Password-For-Tests-1', role, teamIds } },
        w.token,
      );
      return t.login(email, 'Password-For-Tests-1');
    };

    it('never counts a private incident of another team', async () => {
      const other = await userToken('responder-streaming@example.com', 'RESPONDER', [w.teamId]);
      const own = await userToken('viewer-payments@example.com', 'VIEWER', [payments.teamId]);
      const sel = `incidentCount timeToResolve { count meanMinutes } downtimeMinutes services { service { id } incidentCount downtimeMinutes }`;
      const pick = (m: any) => ({ ...m, services: m.services.filter((s: any) => s.service.id === payments.serviceId) });
      expect(pick(await metrics(JAN23, sel, other))).toEqual({
        incidentCount: 1,
        timeToResolve: { count: 1, meanMinutes: 10 },
        downtimeMinutes: 10,
        services: [{ service: { id: payments.serviceId }, incidentCount: 1, downtimeMinutes: 10 }],
      });
      const expected = {
        incidentCount: 2,
        timeToResolve: { count: 2, meanMinutes: 15 },
        downtimeMinutes: 30,
        services: [{ service: { id: payments.serviceId }, incidentCount: 2, downtimeMinutes: 30 }],
      };
      expect(pick(await metrics(JAN23, sel, own))).toEqual(expected);
      expect(pick(await metrics(JAN23, sel))).toEqual(expected); // admin
      // the responder asks again: the cache is per visibility, so the answer does not leak
      expect((await metrics(JAN23, 'incidentCount', other)).incidentCount).toBe(1);
    });

    it('answers an empty period with zeros and nulls', async () => {
      const m = await metrics(
        { from: '2010-01-01T00:00:00Z', to: '2010-02-01T00:00:00Z' },
        `incidentCount periodMinutes timeToResolve ${STAT} downtimeMinutes byRootCause { name } trend(granularity: WEEK) { periodStart }
         redundancyGaps { gapCount } detection { source } actionItems { opened medianDaysToDone incidentsAllDoneShare } previous { incidentCount }`,
      );
      expect(m).toEqual({
        incidentCount: 0,
        periodMinutes: 44640,
        timeToResolve: { count: 0, meanMinutes: null, medianMinutes: null, p90Minutes: null, smallSample: true },
        downtimeMinutes: 0,
        byRootCause: [],
        trend: [],
        redundancyGaps: [],
        detection: [],
        actionItems: { opened: 0, medianDaysToDone: null, incidentsAllDoneShare: null },
        previous: { incidentCount: 0 },
      });
      // without from, the period starts at the earliest matching incident: none here
      const none = await metrics(
        { teamIds: [payments.teamId], severities: ['SEV4'] },
        `periodStart periodMinutes incidentCount previous { incidentCount }`,
      );
      expect(none).toEqual({ periodStart: null, periodMinutes: 0, incidentCount: 0, previous: null });
    });

    it('starts the period at the earliest matching incident without from, and ends it now without to', async () => {
      const before = Date.now();
      const m = await metrics({ teamIds: [payments.teamId] }, `periodStart periodEnd periodMinutes incidentCount`);
      expect(m.periodStart).toBe('2023-01-10T00:00:00.000Z');
      const end = new Date(m.periodEnd).getTime();
      expect(end).toBeGreaterThanOrEqual(before - 1000);
      expect(m.periodMinutes).toBeCloseTo((end - Date.parse('2023-01-10T00:00:00Z')) / MIN, 6);
    });

    it('ends a running period now, not at its `to` in the future, and compares it with the whole period before', async () => {
      const now = new Date();
      const quarterStart = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
      const quarterEnd = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 + 3, 1));
      const before = Date.now();
      const m = await metrics(
        { from: quarterStart.toISOString(), to: quarterEnd.toISOString() },
        `periodStart periodEnd periodMinutes previous { periodStart periodEnd periodMinutes }`,
      );
      const end = new Date(m.periodEnd).getTime();
      expect(end).toBeGreaterThanOrEqual(before - 1000);
      expect(end).toBeLessThanOrEqual(Date.now() + 1000);
      expect(m.periodMinutes).toBeCloseTo((end - quarterStart.getTime()) / MIN, 6);
      // the previous quarter, whole (it has ended)
      const previousStart = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 - 3, 1));
      expect(m.previous).toEqual({
        periodStart: previousStart.toISOString(),
        periodEnd: quarterStart.toISOString(),
        periodMinutes: (quarterStart.getTime() - previousStart.getTime()) / MIN,
      });
    });

    it('refuses from ≥ to naming both', async () => {
      const r = await t.gql(
        `{ reliabilityMetrics(filter:{from:"2025-02-01T00:00:00Z", to:"2025-02-01T00:00:00Z"}){ incidentCount } }`,
        {},
        w.token,
      );
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['from', 'to'] });
    });

    it('refuses hundreds of aliases of the query', async () => {
      const q = `{ ${Array.from({ length: 500 }, (_, n) => `m${n}: reliabilityMetrics { incidentCount }`).join(' ')} }`;
      const r = await t.gql(q, {}, w.token);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.data ?? null).toBeNull();
    });

    it('does not serve a stale answer after a write, through the API or straight to the database', async () => {
      const sel = `incidentCount downtimeMinutes`;
      expect(await metrics(JAN23, sel)).toEqual({ incidentCount: 2, downtimeMinutes: 30 });
      expect(await metrics(JAN23, sel)).toEqual({ incidentCount: 2, downtimeMinutes: 30 }); // cached
      await incident({ start: '2023-01-20T00:00:00Z', resolve: 5, services: [payments.serviceId], teamId: payments.teamId });
      expect(await metrics(JAN23, sel)).toEqual({ incidentCount: 3, downtimeMinutes: 35 });
      // as another process would: a write that never passes through this process
      await t.db.query(`UPDATE incident SET exclude_from_metrics = true WHERE started_at = '2023-01-20T00:00:00Z'`);
      expect(await metrics(JAN23, sel)).toEqual({ incidentCount: 2, downtimeMinutes: 30 });
    });
  });
});
