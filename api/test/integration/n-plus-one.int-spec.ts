import { Client } from 'pg';
import { createIncident, createWorld, World } from '../factories/incidents';
import { startTestApp, TestApp } from '../harness';

const PAGE = `query($n:Int){ incidents(first:$n){ totalCount edges{ node{ id key
  services{ name team{ name } } team{ name }
  primaryCause{ cause{ name parent{ name } } state } contributingFactors{ cause{ name } }
  assessments{ mechanism{ name } outcome } actionItems{ title } timeline{ message } } } } }`;

/** Counts the SQL statements the app sends to PostgreSQL while `work` runs (the app runs in this process). */
async function countStatements(work: () => Promise<unknown>): Promise<number> {
  const proto = Client.prototype as any;
  const original = proto.query;
  let n = 0;
  proto.query = function (...args: unknown[]) {
    n += 1;
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return n;
}

describe('no N+1: related objects load in batches', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    const causes = (await t.ok(`{ rootCauses { id name } }`, {}, w.token)).rootCauses;
    const dns = causes.find((c: any) => c.name === 'DNS').id;
    const cdn = causes.find((c: any) => c.name === 'CDN').id;
    const mech = (await t.ok(`{ redundancyMechanisms { id } }`, {}, w.token)).redundancyMechanisms[0].id;
    for (let i = 0; i < 50; i++) {
      const inc = await createIncident(t, w, { primaryCauseId: i % 2 ? dns : cdn, contributingCauseIds: i % 2 ? [cdn] : [] });
      await t.ok(
        `mutation($i:AssessRedundancyInput!){ assessRedundancy(input:$i){ id } }`,
        { i: { incidentId: inc.id, mechanismId: mech, outcome: 'MISSING' } },
        w.token,
      );
      await t.ok(
        `mutation($i:CreateActionItemInput!){ createActionItem(input:$i){ id } }`,
        { i: { incidentId: inc.id, title: `fix ${i}`, mechanismId: mech } },
        w.token,
      );
    }
  });
  afterAll(() => t.close());

  it('answers a 50-incident page with every relation in the same number of statements as a 5-incident page', async () => {
    let page50: any;
    const small = await countStatements(() => t.ok(PAGE, { n: 5 }, w.token));
    const large = await countStatements(async () => (page50 = await t.ok(PAGE, { n: 50 }, w.token)));
    expect(page50.incidents.edges).toHaveLength(50);
    expect(page50.incidents.edges[0].node.services[0].team.name).toBe('Playback');
    expect(large).toBe(small);
    // auth + page + count + services + teams + cause tags + causes + parents + assessments + mechanisms + action items + timeline
    expect(large).toBeLessThanOrEqual(14);
  });
});
