import type { TestApp } from '../harness';

let seq = 0;

/** Valid, deterministic incident input; a test overrides only the fields it checks. */
export function buildIncident(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  return {
    title: `Incident ${seq}`,
    severity: 'SEV2',
    startedAt: '2026-03-08T10:00:00.000Z',
    detectedAt: '2026-03-08T10:04:00.000Z',
    acknowledgedAt: '2026-03-08T10:10:00.000Z',
    mitigatedAt: '2026-03-08T11:00:00.000Z',
    resolvedAt: '2026-03-08T11:30:00.000Z',
    ...overrides,
  };
}

export interface World {
  token: string;
  teamId: string;
  serviceId: string;
}

/** A team with one service, made through the real API as the admin. */
export async function createWorld(t: TestApp, name = 'Playback'): Promise<World> {
  const token = await t.login();
  const team = await t.ok(`mutation($n:String!){ createTeam(input:{name:$n}){ id } }`, { n: name }, token);
  const svc = await t.ok(
    `mutation($n:String!,$t:ID!){ createService(input:{name:$n, teamId:$t, slo:99.9}){ id } }`,
    { n: `${name} API`, t: team.createTeam.id },
    token,
  );
  return { token, teamId: team.createTeam.id, serviceId: svc.createService.id };
}

/** Creates an incident through the real API and returns { id, version }. */
export async function createIncident(t: TestApp, w: World, overrides: Record<string, unknown> = {}, token = w.token) {
  const d = await t.ok(
    `mutation($i:CreateIncidentInput!){ createIncident(input:$i){ id version key } }`,
    { i: buildIncident({ serviceIds: [w.serviceId], teamId: w.teamId, ...overrides }) },
    token,
  );
  return d.createIncident as { id: string; version: number; key: string };
}
