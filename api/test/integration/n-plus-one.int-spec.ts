import { createIncident, createWorld, World } from '../factories/incidents';
import { startTestApp, TestApp } from '../harness';
import { countStatements } from '../support/count-statements';

const PAGE = `query($n:Int){ incidents(first:$n){ totalCount edges{ node{ id key
  services{ name team{ name } } team{ name }
  primaryCause{ cause{ name parent{ name } } state } contributingFactors{ cause{ name } }
  assessments{ mechanism{ name } outcome } actionItems{ title } timeline{ message } } } } }`;

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

  it("answers a viewer's action items with their incidents, services and teams in statements that do not grow with the items", async () => {
    await t.ok(
      `mutation($i:CreateUserInput!){ createUser(input:$i){ id } }`,
      { i: { email: 'viewer@example.com', password: 'Viewer-Password-2026', role: 'VIEWER', teamIds: [w.teamId] } },
      w.token,
    );
    const viewer = await t.login('viewer@example.com', 'Viewer-Password-2026');
    const ITEMS = `{ actionItems { id title incident { id key title team { name } services { name team { name } } } owner { email } cause { name } mechanism { name } } }`;
    let items: any;
    const statements = await countStatements(async () => (items = await t.ok(ITEMS, {}, viewer)));
    expect(items.actionItems).toHaveLength(50);
    expect(items.actionItems[0].incident.services[0].team.name).toBe('Playback');
    // auth + items + incidents + services + teams + mechanisms (no owner, no cause on these items)
    expect(statements).toBeLessThanOrEqual(8);
  });
});
