import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Lexer,
  OperationDefinitionNode,
  print,
  Source,
  TokenKind,
  typeFromAST,
} from 'graphql';
import { MAX_COMPLEXITY, MAX_TOKENS, queryCost } from '../../src/common/graphql/limits';
import { createIncident, createWorld, World } from '../factories/incidents';
import { startTestApp, TestApp } from '../harness';

const code = (r: any) => r.errors?.[0]?.extensions?.code ?? 'OK';
const fields = (r: any) => r.errors?.[0]?.extensions?.fields ?? [];
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** Every operation of the web app, from its generated typed documents (web/src/gql/graphql.ts). */
function webDocuments(): Array<{ name: string; doc: DocumentNode }> {
  const text = readFileSync(join(__dirname, '../../../web/src/gql/graphql.ts'), 'utf8');
  return [...text.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as DocumentNode/gm)].map((m) => ({
    name: m[1],
    doc: JSON.parse(m[2]) as DocumentNode,
  }));
}

function tokenCount(query: string): number {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n += 1;
  return n;
}

async function post(t: TestApp, path: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, json: () => JSON.parse(text) };
}

describe('GraphQL hardening: body size, parser tokens, cost, hostile text and ids', () => {
  let t: TestApp;
  let w: World;
  let incidentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    incidentId = (await createIncident(t, w)).id;
  });
  afterAll(() => t.close());

  describe('request bodies', () => {
    it('answers 413 in the GraphQL error shape when a body without a valid credential exceeds 16 KB', async () => {
      const big = JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(5 * 1024 * 1024) } });
      const anonymous = await post(t, '/graphql', big);
      expect(anonymous.status).toBe(413);
      expect(anonymous.type).toMatch(/application\/json/);
      expect(anonymous.json().errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      const small = JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(20 * 1024) } });
      const forged = await post(t, '/graphql', small, { authorization: 'Bearer not-a-token' });
      expect(forged.status).toBe(413);
      expect(forged.json().errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('lets a signed-in caller send ordinary queries and an import of a few MB; more is 413 JSON', async () => {
      expect(await t.ok(`{ incident(id: ${incidentId}) { id } }`, {}, w.token)).toEqual({ incident: { id: incidentId } });
      const rows = Array.from({ length: 20_000 }, (_, n) => `x-${n},Row ${n} ${'.'.repeat(80)},Playback API,SEV3,2026-01-01T00:00:00Z`);
      const csv = ['external_id,title,service,severity,started_at', ...rows].join('\n');
      expect(csv.length).toBeGreaterThan(2 * 1024 * 1024);
      const imported = await post(
        t,
        '/graphql',
        JSON.stringify({
          query: `mutation($c:String!){ importIncidents(input:{format:CSV, content:$c, dryRun:true}){ created errors { row } } }`,
          variables: { c: csv },
        }),
        { authorization: `Bearer ${w.token}` },
      );
      expect([imported.status, imported.text.slice(0, 300)]).toEqual([200, expect.any(String)]);
      expect(imported.json().data.importIncidents).toEqual({ created: 20_000, errors: [] });
      const huge = JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(12 * 1024 * 1024) } });
      const refused = await post(t, '/graphql', huge, { authorization: `Bearer ${w.token}` });
      expect(refused.status).toBe(413);
      expect(refused.json().errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('answers a too-large or malformed JSON body on a REST path in the REST error shape, never HTML', async () => {
      const big = await post(t, '/api/reports/quarterly', JSON.stringify({ pad: 'x'.repeat(64 * 1024) }));
      expect(big.status).toBe(413);
      expect(big.type).toMatch(/application\/json/);
      expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
      const broken = await post(t, '/graphql', '{"query": "{ __typename }"');
      expect(broken.status).toBe(400);
      expect(broken.type).toMatch(/application\/json/);
      expect(broken.json().errors[0].extensions.code).toBe('BAD_REQUEST');
      const notJson = await post(t, '/graphql', '{ __typename }', { 'content-type': 'text/plain', 'apollo-require-preflight': 'x' });
      expect(notJson.status).toBe(400);
      const restBroken = await post(t, '/api/reports/quarterly', '{"a":', { authorization: `Bearer ${w.token}` });
      expect(restBroken.status).toBe(400);
      expect(restBroken.json().error.code).toBe('BAD_REQUEST');
    });
  });

  describe('parser tokens', () => {
    it('refuses a query of repeated fragment spreads over the token cap before parsing it', async () => {
      const spreads = '...F '.repeat(50_000);
      const r = await t.gql(`query { ${spreads} } fragment F on Query { __typename }`, {}, w.token);
      expect(r.status).toBe(400);
      expect(code(r)).toBe('GRAPHQL_PARSE_FAILED');
      expect(r.errors![0].message).toMatch(/tokens/);
    });

    it('keeps every query of the web app well under the token cap', () => {
      const docs = webDocuments();
      expect(docs.length).toBeGreaterThan(30);
      const largest = Math.max(...docs.map((d) => tokenCount(print(d.doc))));
      expect(largest).toBeLessThan(MAX_TOKENS / 4);
    });
  });

  describe('query cost', () => {
    const metricsAliases = (n: number, inner = 'incidentCount') =>
      `{ ${Array.from({ length: n }, (_, i) => `m${i}: reliabilityMetrics { ${inner} }`).join(' ')} }`;

    it('refuses 30 aliases of reliabilityMetrics as too costly', async () => {
      const r = await t.gql(metricsAliases(30), {}, w.token);
      expect(r.status).toBe(400);
      expect(code(r)).toBe('QUERY_TOO_COMPLEX');
    });

    it('refuses previous nested inside previous (and so the 30 × 7-deep attack)', async () => {
      const once = await t.gql(`{ reliabilityMetrics { incidentCount previous { incidentCount } } }`, {}, w.token);
      expect(code(once)).toBe('OK');
      const twice = await t.gql(`{ reliabilityMetrics { previous { previous { incidentCount } } } }`, {}, w.token);
      expect(twice.status).toBe(400);
      expect(code(twice)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(twice.errors![0].message).toMatch(/previous/);
      const viaFragment = await t.gql(
        `{ reliabilityMetrics { ...P } } fragment P on ReliabilityMetrics { previous { ...Q } } fragment Q on ReliabilityMetrics { previous { incidentCount } }`,
        {},
        w.token,
      );
      expect(viaFragment.status).toBe(400);
      let deep = 'incidentCount';
      for (let i = 0; i < 7; i++) deep = `incidentCount previous { ${deep} }`;
      const attack = await t.gql(metricsAliases(30, deep), {}, w.token);
      expect(attack.status).toBe(400);
    });

    it('lets every query of the web app through the cost limit with room to spare', () => {
      const schema = t.app.get(GraphQLSchemaHost).schema;
      const sample = (type: GraphQLInputType): unknown => {
        const named = getNamedType(type);
        if (isListType(getNullableType(type))) return isNonNullType(type) ? [sample((getNullableType(type) as any).ofType)] : undefined;
        if (!isNonNullType(type) && named.name !== 'Int') return undefined;
        if (isEnumType(named)) return named.getValues()[0].value;
        if (isInputObjectType(named))
          return Object.fromEntries(
            Object.values(named.getFields())
              .filter((f) => isNonNullType(f.type))
              .map((f) => [f.name, sample(f.type)]),
          );
        return ({ ID: '1', String: 'x', Int: 25, Float: 1, Boolean: true, DateTime: '2026-01-01T00:00:00Z' } as Record<string, unknown>)[
          named.name
        ];
      };
      const costs: Record<string, number> = {};
      for (const { name, doc } of webDocuments()) {
        const op = doc.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
        const variables = Object.fromEntries(
          (op.variableDefinitions ?? []).map((v) => [
            v.variable.name.value,
            sample(typeFromAST(schema, v.type as any) as GraphQLInputType),
          ]),
        );
        costs[name] = queryCost(schema, doc, variables);
      }
      expect(costs.OverviewHeadline).toBeGreaterThan(0);
      for (const [name, cost] of Object.entries(costs)) expect([name, cost <= MAX_COMPLEXITY / 2]).toEqual([name, true]);
    });
  });

  describe('hostile text', () => {
    const bad = { nul: 'Edge\u0000outage', surrogate: 'Edge \uD800 outage', lowSurrogate: '\uDC00 outage' };

    it('refuses NUL and lone surrogates in any string input, naming the field, and stores nothing', async () => {
      const before = (await t.ok(`{ incidents { totalCount } }`, {}, w.token)).incidents.totalCount;
      for (const [kind, text] of Object.entries(bad)) {
        const cases: Array<[string, Record<string, unknown>, string]> = [
          [
            `mutation($i:CreateIncidentInput!){ createIncident(input:$i){ id } }`,
            { i: { title: text, severity: 'SEV3', serviceIds: [w.serviceId], teamId: w.teamId, startedAt: '2026-01-01T00:00:00Z' } },
            'title',
          ],
          [
            `mutation($i:CreateIncidentInput!){ createIncident(input:$i){ id } }`,
            {
              i: {
                title: 'ok',
                summary: text,
                severity: 'SEV3',
                serviceIds: [w.serviceId],
                teamId: w.teamId,
                startedAt: '2026-01-01T00:00:00Z',
              },
            },
            'summary',
          ],
          [
            `mutation($id:ID!,$t:String){ updateIncident(id:$id, input:{expectedVersion:1, title:$t}){ id } }`,
            { id: incidentId, t: text },
            'title',
          ],
          [`mutation($n:String!){ createTeam(input:{name:$n}){ id } }`, { n: text }, 'name'],
          [`mutation($n:String!,$t:ID!){ createService(input:{name:$n, teamId:$t}){ id } }`, { n: text, t: w.teamId }, 'name'],
          [`mutation($n:String!){ createRootCause(input:{name:$n}){ id } }`, { n: text }, 'name'],
          [`mutation($n:String!){ createRedundancyMechanism(input:{name:$n}){ id } }`, { n: text }, 'name'],
          [`mutation($i:ID!,$t:String!){ createActionItem(input:{incidentId:$i, title:$t}){ id } }`, { i: incidentId, t: text }, 'title'],
          [
            `mutation($i:ID!,$m:String!){ addTimelineEvent(input:{incidentId:$i, at:"2026-03-08T10:01:00Z", message:$m}){ id } }`,
            { i: incidentId, m: text },
            'message',
          ],
          [`mutation($e:String!){ login(email:$e, password:"whatever") { token } }`, { e: `a${text}@example.com` }, 'email'],
          [`query($s:String){ incidents(filter:{search:$s}){ totalCount } }`, { s: text }, 'search'],
        ];
        for (const [query, variables, field] of cases) {
          const r = await t.gql(query, variables, w.token);
          expect([kind, field, code(r), fields(r)]).toEqual([kind, field, 'BAD_USER_INPUT', expect.arrayContaining([field])]);
        }
      }
      // as literals in the query text too
      const literal = await t.gql(`mutation{ createTeam(input:{name:"Edge\\u0000team"}){ id } }`, {}, w.token);
      expect([code(literal), fields(literal)]).toEqual(['BAD_USER_INPUT', ['name']]);
      expect((await t.ok(`{ incidents { totalCount } }`, {}, w.token)).incidents.totalCount).toBe(before);
      expect((await t.ok(`{ teams { name } }`, {}, w.token)).teams.map((x: any) => x.name)).toEqual(['Playback']);
    });

    it('refuses names and titles that are blank after trimming', async () => {
      const cases: Array<[string, Record<string, unknown>, string]> = [
        [
          `mutation($i:CreateIncidentInput!){ createIncident(input:$i){ id } }`,
          { i: { title: '   ', severity: 'SEV3', serviceIds: [w.serviceId], teamId: w.teamId, startedAt: '2026-01-01T00:00:00Z' } },
          'title',
        ],
        [`mutation($id:ID!){ updateIncident(id:$id, input:{expectedVersion:1, title:" \\t "}){ id } }`, { id: incidentId }, 'title'],
        [`mutation{ createTeam(input:{name:"  "}){ id } }`, {}, 'name'],
        [`mutation($t:ID!){ createService(input:{name:"  ", teamId:$t}){ id } }`, { t: w.teamId }, 'name'],
        [`mutation{ createRootCause(input:{name:"   "}){ id } }`, {}, 'name'],
        [`mutation{ createRedundancyMechanism(input:{name:"   "}){ id } }`, {}, 'name'],
        [`mutation($i:ID!){ createActionItem(input:{incidentId:$i, title:"  "}){ id } }`, { i: incidentId }, 'title'],
        [
          `mutation($i:ID!){ addTimelineEvent(input:{incidentId:$i, at:"2026-03-08T10:01:00Z", message:"   "}){ id } }`,
          { i: incidentId },
          'message',
        ],
      ];
      for (const [query, variables, field] of cases) {
        const r = await t.gql(query, variables, w.token);
        expect([query, code(r), fields(r)]).toEqual([query, 'BAD_USER_INPUT', [field]]);
      }
    });
  });

  describe('ids and cursors', () => {
    const badIds = ['abc', '123456789012345678901234', '-1', '1e3', '0', '2147483648', ' 1', '1.5', ''];

    it('answers BAD_USER_INPUT naming the argument for ids that are not ids of this API, as literals and variables', async () => {
      for (const id of badIds) {
        const lit = await t.gql(`{ incident(id: ${JSON.stringify(id)}) { id } }`, {}, w.token);
        expect([id, code(lit), fields(lit)]).toEqual([id, 'BAD_USER_INPUT', ['id']]);
        const vars = await t.gql(`query($x: ID!){ incident(id: $x) { id } }`, { x: id }, w.token);
        expect([id, code(vars), fields(vars)]).toEqual([id, 'BAD_USER_INPUT', ['id']]);
      }
      const numeric = await t.gql(`{ incident(id: 99999999999) { id } }`, {}, w.token);
      expect([code(numeric), fields(numeric)]).toEqual(['BAD_USER_INPUT', ['id']]);
    });

    it('checks ids in every argument and input field', async () => {
      const cases: Array<[string, Record<string, unknown>, string]> = [
        [`mutation($id:ID!){ updateIncident(id:$id, input:{expectedVersion:1, title:"x"}){ id } }`, { id: '99999999999' }, 'id'],
        [`mutation($t:ID!){ createService(input:{name:"S", teamId:$t}){ id } }`, { t: 'abc' }, 'teamId'],
        [
          `mutation($i:CreateIncidentInput!){ createIncident(input:$i){ id } }`,
          { i: { title: 'x', severity: 'SEV3', serviceIds: [w.serviceId, '-4'], teamId: w.teamId, startedAt: '2026-01-01T00:00:00Z' } },
          'serviceIds',
        ],
        [`mutation{ createRootCause(input:{name:"Odd", parentId:"1e3"}){ id } }`, {}, 'parentId'],
        [`mutation($i:ID!){ createActionItem(input:{incidentId:$i, title:"t"}){ id } }`, { i: '123456789012345678901234' }, 'incidentId'],
        [`mutation{ updateActionItem(id:"x", input:{expectedVersion:1}){ id } }`, {}, 'id'],
        [
          `mutation($i:ID!){ addTimelineEvent(input:{incidentId:$i, at:"2026-03-08T10:01:00Z", message:"m"}){ id } }`,
          { i: 'abc' },
          'incidentId',
        ],
        [`{ reliabilityMetrics(filter:{serviceIds:["abc"]}) { incidentCount } }`, {}, 'serviceIds'],
        [`query($o:ID){ actionItems(ownerId:$o) { id } }`, { o: '99999999999' }, 'ownerId'],
        [`mutation{ updateTeam(id:"2147483648", input:{expectedVersion:1, name:"n"}){ id } }`, {}, 'id'],
        [`mutation{ deleteRootCause(id:"-1"){ id } }`, {}, 'id'],
      ];
      for (const [query, variables, field] of cases) {
        const r = await t.gql(query, variables, w.token);
        expect([query, code(r), fields(r)]).toEqual([query, 'BAD_USER_INPUT', [field]]);
      }
    });

    it('answers BAD_USER_INPUT naming `after` for crafted cursors', async () => {
      const cursors = [
        'garbage',
        b64({ a: 1 }),
        b64(['abc', 1]),
        b64(['99999999999999999999999999', 1]),
        b64(['1', 1e30]),
        b64(['1', 2 ** 40]),
        b64([1.5]),
        b64([[1]]),
      ];
      for (const after of cursors) {
        for (const query of [
          `query($a:String){ incidents(after:$a) { totalCount } }`,
          `query($a:String){ incidents(after:$a, sort: DURATION_DESC) { totalCount } }`,
          `query($a:String){ auditLog(after:$a) { totalCount } }`,
        ]) {
          const r = await t.gql(query, { a: after }, w.token);
          expect([after, query, code(r), fields(r)]).toEqual([after, query, 'BAD_USER_INPUT', ['after']]);
        }
      }
      const offset = await t.gql(
        `query($a:String){ incidents(after:$a, sort: DURATION_DESC) { totalCount } }`,
        { a: b64([1e30]) },
        w.token,
      );
      expect(code(offset)).toBe('BAD_USER_INPUT');
    });
  });
});

describe('/healthz', () => {
  it('never shows database error text: only that the database is unreachable', async () => {
    const t = await startTestApp();
    try {
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
      await t.db.dataSource.destroy();
      const res = await fetch(`${t.url}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
    } finally {
      await t.close();
    }
  });
});
