import { createIncident, createWorld, World } from '../factories/incidents';
import { startTestApp, TestApp } from '../harness';

const code = (r: any) => r.errors?.[0]?.extensions?.code ?? 'OK';

describe('taxonomy, redundancy catalogue and action items', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  it('seeds the default taxonomy: categories with causes covering SPEC §2', async () => {
    const nodes = (await t.ok(`{ rootCauses { name parent { name } } }`, {}, w.token)).rootCauses;
    const causes = nodes.filter((n: any) => n.parent).map((n: any) => n.name);
    for (const needed of [
      'Deployment / release',
      'Configuration change',
      'Capacity / overload',
      'Software bug',
      'Data / database',
      'Dependency / third party',
      'Network / routing',
      'DNS',
      'CDN',
      'Hardware / power / facilities',
      'Security / DDoS',
      'Certificate or credential expiry',
      'Human / operational error',
      'Monitoring gap',
      'Unknown',
    ]) {
      expect(causes).toContain(needed);
    }
    expect(nodes.filter((n: any) => !n.parent).length).toBeGreaterThanOrEqual(10);
  });

  it('renames a cause in use and keeps its tags; retires instead of deleting it', async () => {
    const cat = (await t.ok(`mutation{ createRootCause(input:{name:"Vendor"}){ id } }`, {}, w.token)).createRootCause.id;
    const cause = (
      await t.ok(
        `mutation($p:ID){ createRootCause(input:{name:"Encoder firmware", parentId:$p}){ id parent{ name } } }`,
        { p: cat },
        w.token,
      )
    ).createRootCause;
    expect(cause.parent.name).toBe('Vendor');
    const inc = await createIncident(t, w, { primaryCauseId: cause.id });
    await t.ok(`mutation($id:ID!){ updateRootCause(id:$id, input:{name:"Encoder firmware bug"}){ id } }`, { id: cause.id }, w.token);
    const tagged = await t.ok(`query($id:ID!){ incident(id:$id){ primaryCause{ cause{ id name } } } }`, { id: inc.id }, w.token);
    expect(tagged.incident.primaryCause.cause).toEqual({ id: cause.id, name: 'Encoder firmware bug' });
    const del = await t.ok(`mutation($id:ID!){ deleteRootCause(id:$id){ id retired } }`, { id: cause.id }, w.token);
    expect(del.deleteRootCause).toEqual({ id: cause.id, retired: true });
    const active = (await t.ok(`{ rootCauses { id } }`, {}, w.token)).rootCauses.map((c: any) => c.id);
    expect(active).not.toContain(cause.id);
    const all = (await t.ok(`{ rootCauses(includeRetired:true) { id } }`, {}, w.token)).rootCauses.map((c: any) => c.id);
    expect(all).toContain(cause.id);
    // still on the incident, but not offered for new tags
    expect(
      code(
        await t.gql(
          `mutation($i:CreateIncidentInput!){ createIncident(input:$i){ id } }`,
          {
            i: {
              title: 'x',
              severity: 'SEV3',
              serviceIds: [w.serviceId],
              teamId: w.teamId,
              startedAt: '2026-01-01T00:00:00Z',
              primaryCauseId: cause.id,
            },
          },
          w.token,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    const unused = (await t.ok(`mutation($p:ID){ createRootCause(input:{name:"Typo", parentId:$p}){ id } }`, { p: cat }, w.token))
      .createRootCause.id;
    expect((await t.ok(`mutation($id:ID!){ deleteRootCause(id:$id){ id } }`, { id: unused }, w.token)).deleteRootCause).toBeNull();
  });

  it('refuses duplicate names with CONFLICT naming the field', async () => {
    const r = await t.gql(`mutation{ createTeam(input:{name:"playback"}){ id } }`, {}, w.token);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', fields: ['name'] });
  });

  it('declares redundancy on a service', async () => {
    const mechs = (await t.ok(`{ redundancyMechanisms { id name } }`, {}, w.token)).redundancyMechanisms;
    expect(mechs.map((m: any) => m.name)).toEqual(expect.arrayContaining(['Multi-region', 'Multi-CDN', 'Secondary DNS provider']));
    const svc = await t.ok(
      `mutation($id:ID!,$r:[ID!]){ updateService(id:$id, input:{redundancyIds:$r, slo: 99.95}){ slo redundancy{ name } } }`,
      { id: w.serviceId, r: [mechs[0].id, mechs[1].id] },
      w.token,
    );
    expect(svc.updateService).toEqual({ slo: 99.95, redundancy: [{ name: mechs[0].name }, { name: mechs[1].name }] });
  });

  it('creates and completes action items, lists overdue first, refuses stale edits', async () => {
    const inc = await createIncident(t, w);
    const me = (await t.ok(`{ me { user { id } } }`, {}, w.token)).me.user.id;
    const mk = (title: string, dueDate: string | null) =>
      t.ok(
        `mutation($i:CreateActionItemInput!){ createActionItem(input:$i){ id version status overdue } }`,
        { i: { incidentId: inc.id, title, ownerId: me, dueDate } },
        w.token,
      );
    const late = (await mk('Add a second DNS provider', '2020-01-01')).createActionItem;
    const someday = (await mk('Write the post-mortem', null)).createActionItem;
    const later = (await mk('Runbook for failover', '2999-01-01')).createActionItem;
    expect(late.overdue).toBe(true);
    expect(later.overdue).toBe(false);
    expect(someday.overdue).toBe(false); // no due date: never overdue (and never null)
    const list = await t.ok(`query($o:ID){ actionItems(ownerId:$o){ id overdue } }`, { o: me }, w.token);
    expect(list.actionItems.map((a: any) => a.id)).toEqual([late.id, later.id, someday.id]);
    const onIncident = await t.ok(`query($id:ID!){ incident(id:$id){ actionItems{ overdue } } }`, { id: inc.id }, w.token);
    expect(onIncident.incident.actionItems).toHaveLength(3);
    const done = await t.ok(
      `mutation($id:ID!,$v:Int!){ updateActionItem(id:$id, input:{expectedVersion:$v, status:DONE}){ status completedAt overdue version } }`,
      { id: late.id, v: late.version },
      w.token,
    );
    expect(done.updateActionItem.status).toBe('DONE');
    expect(done.updateActionItem.completedAt).not.toBeNull();
    expect(done.updateActionItem.overdue).toBe(false);
    const stale = await t.gql(
      `mutation($id:ID!,$v:Int!){ updateActionItem(id:$id, input:{expectedVersion:$v, title:"x"}){ id } }`,
      { id: late.id, v: late.version },
      w.token,
    );
    expect(code(stale)).toBe('CONFLICT');
    const bad = await t.gql(
      `mutation($i:CreateActionItemInput!){ createActionItem(input:$i){ id } }`,
      { i: { incidentId: inc.id, title: 'x', dueDate: '31/12/2026' } },
      w.token,
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['dueDate'] });
  });

  it('keeps timeline events in time order', async () => {
    const inc = await createIncident(t, w);
    for (const [at, message] of [
      ['2026-03-08T10:30:00Z', 'Rolled back'],
      ['2026-03-08T10:05:00Z', 'Paged on-call'],
    ]) {
      await t.ok(
        `mutation($i:AddTimelineEventInput!){ addTimelineEvent(input:$i){ id } }`,
        { i: { incidentId: inc.id, at, message } },
        w.token,
      );
    }
    const tl = await t.ok(`query($id:ID!){ incident(id:$id){ timeline{ message author } } }`, { id: inc.id }, w.token);
    expect(tl.incident.timeline).toEqual([
      { message: 'Paged on-call', author: 'admin@example.com' },
      { message: 'Rolled back', author: 'admin@example.com' },
    ]);
  });
});
