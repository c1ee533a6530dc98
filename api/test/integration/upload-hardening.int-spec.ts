import { request as httpRequest } from 'node:http';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIncident, createWorld, World } from '../factories/incidents';
import { csv, importGql, importHttp, userToken } from '../factories/imports';
import { startTestApp, TestApp } from '../harness';

interface Answer {
  status: number;
  body: any;
}

/**
 * One request over node:http, with full control of the headers (an exact Content-Length, no
 * boundary) and of the body: `chunks` are written in order, and the request is ended only when
 * `end` is true (a stalled upload otherwise). Resolves with the answer, whenever it comes.
 */
function send(base: string, path: string, headers: Record<string, string | number>, chunks: Array<string | Buffer>, end = true) {
  const url = new URL(path, base);
  let sent!: () => void;
  const flushed = new Promise<void>((r) => (sent = r));
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        let body: any = text;
        try {
          body = JSON.parse(text);
        } catch {
          /* not JSON: the test sees the text */
        }
        resolve({ status: res.statusCode ?? 0, body });
      });
      res.on('error', reject);
    });
    // the server may answer (413, 408) and close before the client has written everything
    req.on('error', (err) => reject(err));
    for (const c of chunks) req.write(c);
    if (end) req.end(() => sent());
    else req.flushHeaders();
  });
  return { answer, flushed };
}

const BOUNDARY = 'hindsight-test-boundary';
const partHead = (name: string, filename = 'incidents.csv') =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`;
const multipart = (parts: Array<{ name: string; body: string }>) =>
  parts.map((p) => `${partHead(p.name)}${p.body}\r\n`).join('') + `--${BOUNDARY}--\r\n`;

const GOOD = csv('u-1,Good upload,Playback API,SEV2,2026-06-05T10:00:00Z,2026-06-05T10:10:00Z');
// uploads are spooled under os.tmpdir(): this file's own, so other test files' imports do not count
const TMP = mkdtempSync(join(tmpdir(), 'hindsight-upload-test-'));
process.env.TMPDIR = TMP;
const importFiles = () => readdirSync(TMP).filter((f) => f.startsWith('hindsight-upload-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('upload hardening: malformed multipart and mismatched bodies (real PostgreSQL)', () => {
  let t: TestApp;
  let w: World;
  const post = (headers: Record<string, string | number>, body: string | Buffer, query = 'format=CSV') =>
    send(t.url, `/api/import?${query}`, { authorization: `Bearer ${w.token}`, 'content-length': Buffer.byteLength(body), ...headers }, [
      body,
    ]).answer;
  const healthy = async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const good = await importHttp(t, w.token, GOOD, { format: 'CSV', dryRun: 'true' });
    expect(good).toMatchObject({ status: 200, body: { created: 1 } });
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t, 'Playback');
  });
  afterAll(() => t.close());

  it('answers a multipart body that ends right after the file part headers with 400, and stays healthy', async () => {
    const truncated = partHead('file');
    const r = await post({ 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, truncated);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: { code: 'BAD_USER_INPUT', message: expect.any(String), fields: ['file'] } });
    // and with some file bytes but no closing boundary
    const cut = await post({ 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, `${partHead('file')}external_id,title\n`);
    expect(cut).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT', fields: ['file'] } } });
    await healthy();
  });

  it('answers every other malformed upload with 4xx in the usual error shape', async () => {
    const mp = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
    const cases: Array<[string, Record<string, string>, string]> = [
      ['no boundary', { 'content-type': 'multipart/form-data' }, multipart([{ name: 'file', body: GOOD }])],
      ['no file field', mp, multipart([{ name: 'other', body: GOOD }])],
      [
        'two files',
        mp,
        multipart([
          { name: 'file', body: GOOD },
          { name: 'file', body: GOOD },
        ]),
      ],
      ['garbage', mp, '\u0000\u0001garbage that is no multipart at all'],
      ['empty multipart', mp, ''],
    ];
    for (const [what, headers, body] of cases) {
      const r = await post(headers, body);
      expect({ what, status: r.status }).toEqual({ what, status: 400 });
      expect(r.body).toEqual({ error: { code: 'BAD_USER_INPUT', message: expect.any(String), fields: ['file'] } });
    }
    await healthy();
    expect((await t.db.query(`SELECT count(*)::int AS n FROM incident`))[0].n).toBe(0);
  });

  it('answers a JSON body declared as CSV with 400 naming format, never 500', async () => {
    const json = JSON.stringify([{ title: 'x', service: 'Playback API', severity: 'SEV2', startedAt: '2026-06-05T10:00:00Z' }]);
    const r = await importHttp(t, w.token, json, { format: 'CSV' }, 'application/json');
    expect(r).toEqual({ status: 400, body: { error: { code: 'BAD_USER_INPUT', message: expect.any(String), fields: ['format'] } } });
    const obj = await importHttp(t, w.token, '{"a":{"b":[1,2,3]}}', { format: 'CSV' }, 'application/json');
    expect(obj).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT', fields: ['format'] } } });
    // the declared format still wins when it fits the body
    const ok = await importHttp(t, w.token, json, { format: 'JSON', dryRun: 'true' }, 'application/json');
    expect(ok).toMatchObject({ status: 200, body: { created: 1 } });
  });

  it('leaves no spooled upload behind', async () => {
    expect(importFiles()).toEqual([]);
  });
});

describe('upload hardening: HINDSIGHT_IMPORT_MAX_BYTES (real PostgreSQL)', () => {
  let t: TestApp;
  let w: World;
  const LIMIT = 4000;
  const big = csv(
    ...Array.from({ length: 80 }, (_, i) => `big-${i},Too big ${i},Playback API,SEV2,2026-06-05T10:00:00Z,2026-06-05T10:10:00Z`),
  );

  beforeAll(async () => {
    t = await startTestApp({ env: { HINDSIGHT_IMPORT_MAX_BYTES: String(LIMIT) } });
    w = await createWorld(t, 'Playback');
  });
  afterAll(() => t.close());
  const stored = async () => (await t.db.query(`SELECT count(*)::int AS n FROM incident`))[0].n as number;
  const tooLarge = { status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) } } };

  it('refuses a body whose Content-Length is over the limit with 413, storing nothing', async () => {
    expect(Buffer.byteLength(big)).toBeGreaterThan(LIMIT);
    expect(await importHttp(t, w.token, big, { format: 'CSV' })).toEqual(tooLarge);
    expect(await stored()).toBe(0);
  });

  it('counts the bytes of a chunked body and of a multipart file', async () => {
    const auth = { authorization: `Bearer ${w.token}` };
    const chunked = send(
      t.url,
      '/api/import?format=CSV',
      { ...auth, 'content-type': 'text/csv', 'transfer-encoding': 'chunked' },
      big.match(/[^]{1,500}/g)!,
    );
    expect(await chunked.answer).toEqual(tooLarge);
    const form = new FormData();
    form.append('file', new Blob([big], { type: 'text/csv' }), 'big.csv');
    const res = await fetch(`${t.url}/api/import?format=CSV`, { method: 'POST', headers: auth, body: form });
    expect({ status: res.status, body: await res.json() }).toEqual(tooLarge);
    const json = await importHttp(t, w.token, JSON.stringify(Array.from({ length: 100 }, () => ({ title: 'x'.repeat(50) }))), {
      format: 'JSON',
    });
    expect(json).toEqual(tooLarge);
    expect(await stored()).toBe(0);
    // under the limit all is well
    expect(await importHttp(t, w.token, GOOD, { format: 'CSV' })).toMatchObject({ status: 200, body: { created: 1 } });
    expect(await stored()).toBe(1);
    expect(importFiles()).toEqual([]);
  });
});

describe('upload hardening: stalled uploads hold no database connection (real PostgreSQL)', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp({ env: { HINDSIGHT_UPLOAD_IDLE_MS: '1500' } });
    w = await createWorld(t, 'Playback');
  });
  afterAll(() => t.close());

  it('serves /healthz and sign-in while 12 uploads stall, then answers each stalled upload 408', async () => {
    const head = GOOD.slice(0, 60);
    const stalled = Array.from({ length: 12 }, (_, n) =>
      send(
        t.url,
        '/api/import?format=CSV',
        n % 2
          ? { authorization: `Bearer ${w.token}`, 'content-type': 'text/csv', 'content-length': 100_000 }
          : { authorization: `Bearer ${w.token}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': 100_000 },
        [n % 2 ? head : partHead('file') + head],
        false,
      ),
    );
    // let every stalled request reach the import endpoint (past authentication) before checking
    await new Promise((r) => setTimeout(r, 300));
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect(await t.login()).toEqual(expect.any(String));
    expect(await importHttp(t, w.token, GOOD, { format: 'CSV' })).toMatchObject({ status: 200, body: { created: 1 } });
    for (const s of stalled) {
      expect(await s.answer).toEqual({ status: 408, body: { error: { code: 'REQUEST_TIMEOUT', message: expect.any(String) } } });
    }
    expect((await t.db.query(`SELECT count(*)::int AS n FROM incident`))[0].n).toBe(1);
    expect(importFiles()).toEqual([]);
  });
});

describe('upload hardening: error-heavy imports and private incidents (real PostgreSQL)', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t, 'Playback');
  });
  afterAll(() => t.close());

  const badRows = (n: number, value = 'SEV9') =>
    csv() + Array.from({ length: n }, (_, i) => `e-${i},Broken ${i},Playback API,${value},2026-06-05T10:00:00Z,\n`).join('');

  it('returns the first 1,000 row errors in row order and errorCount for all, on GraphQL and REST', async () => {
    const file = badRows(2500);
    const gql = await t.ok(
      `mutation($i:ImportIncidentsInput!){ importIncidents(input:$i){ created skipped errorCount errors{ row field } } }`,
      { i: { format: 'CSV', content: file, onInvalid: 'SKIP_ROW' } },
      w.token,
    );
    expect(gql.importIncidents.errorCount).toBe(2500);
    expect(gql.importIncidents.skipped).toBe(2500);
    expect(gql.importIncidents.errors.map((e: { row: number }) => e.row)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    const rest = await importHttp(t, w.token, file, { format: 'CSV' });
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ created: 0, skipped: 2500, errorCount: 2500 });
    expect(rest.body.errors).toHaveLength(1000);
    expect(rest.body.errors[999]).toMatchObject({ row: 1000, field: 'severity' });
  });

  it('quotes at most a short excerpt of a bad value in a message', async () => {
    const huge = 'X'.repeat(100_000);
    const r = await importHttp(t, w.token, badRows(3, huge), { format: 'CSV' });
    expect(r.status).toBe(200);
    expect(r.body.errorCount).toBe(3);
    for (const e of r.body.errors) expect(e.message.length).toBeLessThan(200);
    expect(r.body.errors[0].message).toContain('XXXXXXXXXX…');
    expect(JSON.stringify(r.body).length).toBeLessThan(2000);
  });

  it('answers /healthz while a large error-heavy import runs', async () => {
    const file = badRows(150_000, 'S'.repeat(40));
    const order: string[] = [];
    const upload = send(
      t.url,
      '/api/import?format=CSV&onInvalid=SKIP_ROW',
      { authorization: `Bearer ${w.token}`, 'content-type': 'text/csv', 'content-length': Buffer.byteLength(file) },
      [file],
    );
    const done = upload.answer.then((r) => {
      order.push('import');
      return r;
    });
    await upload.flushed; // the whole body is on its way: the server reads, then parses it
    const health = await fetch(`${t.url}/healthz`);
    order.push('healthz');
    expect(health.status).toBe(200);
    const r = await done;
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ errorCount: 150_000, skipped: 150_000 });
    expect(r.body.errors).toHaveLength(1000);
    expect(order).toEqual(['healthz', 'import']);
  }, 180_000); // 150,000 rows parsed and checked: over a minute on a loaded 2-core machine

  it('makes hostile text in a file a row error naming the field (NUL, unpaired surrogates, over-long summaries), never a 500', async () => {
    const file = csv(
      'h-ok,Fine row,Playback API,SEV2,2026-06-05T10:00:00Z,',
      'h-nul,Nul \u0000 title,Playback API,SEV2,2026-06-05T10:00:00Z,',
      'h-ext\u0000,Nul external id,Playback API,SEV2,2026-06-05T10:00:00Z,',
    );
    const r = await importHttp(t, w.token, file, { format: 'CSV', onInvalid: 'SKIP_ROW' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ created: 1, skipped: 2, errorCount: 2 });
    expect(r.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [2, 'title'],
      [3, 'external_id'],
    ]);
    const json = JSON.stringify([
      { externalId: 'j-ok', title: 'Fine', service: 'Playback API', severity: 'SEV2', startedAt: '2026-06-05T10:00:00Z' },
      { externalId: 'j-sur', title: 'Lone \ud800 surrogate', service: 'Playback API', severity: 'SEV2', startedAt: '2026-06-05T10:00:00Z' },
      {
        externalId: 'j-sum',
        title: 'Long',
        summary: 's'.repeat(20_001),
        service: 'Playback API',
        severity: 'SEV2',
        startedAt: '2026-06-05T10:00:00Z',
      },
      { externalId: 'j-svc', title: 'Bad service', service: 'Play\u0000back', severity: 'SEV2', startedAt: '2026-06-05T10:00:00Z' },
    ]);
    const j = await importHttp(
      t,
      w.token,
      json,
      { format: 'JSON', onInvalid: 'SKIP_ROW', createMissing: 'true' },
      'application/octet-stream',
    );
    expect(j.status).toBe(200);
    expect(j.body).toMatchObject({ created: 1, skipped: 3, errorCount: 3 });
    expect(j.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [2, 'title'],
      [3, 'summary'],
      [4, 'service'],
    ]);
    // a Statuspage document with values of the wrong type everywhere
    const sp = JSON.stringify({
      page: { name: 42 },
      incidents: [
        7,
        {
          id: 's-1',
          name: 'Typed badly',
          impact: 3,
          created_at: '2026-06-05T10:00:00Z',
          components: [{ name: 5 }, 'x'],
          incident_updates: [{ status: 1, body: {} }, null],
        },
        { id: 's-2', name: { a: 1 }, impact: 'minor', created_at: [], incident_updates: 'no' },
      ],
    });
    const s = await importHttp(t, w.token, sp, { format: 'STATUSPAGE', onInvalid: 'SKIP_ROW' }, 'application/octet-stream');
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({ created: 0, skipped: 3 });
    expect(s.body.errors.map((e: { row: number }) => e.row)).toEqual(expect.arrayContaining([1, 2, 3]));
    const stored = await t.db.query(`SELECT external_id FROM incident WHERE external_id IN ('h-ok','j-ok') ORDER BY 1`);
    expect(stored.map((x: { external_id: string }) => x.external_id)).toEqual(['h-ok', 'j-ok']);
  });

  it('tells a responder nothing about a private incident of another team, in a dry run and a real run alike', async () => {
    const search = await t.ok(`mutation{ createTeam(input:{name:"Search"}){ id } }`, {}, w.token);
    const svc = await t.ok(
      `mutation($t:ID!){ createService(input:{name:"Search API", teamId:$t, slo:99.5}){ id } }`,
      { t: search.createTeam.id },
      w.token,
    );
    const other = { token: w.token, teamId: search.createTeam.id, serviceId: svc.createService.id };
    // one private and one public incident of team Search, each known by (csv, external id)
    for (const [id, priv] of [
      ['secret-1', true],
      ['public-1', false],
    ] as const) {
      const made = await createIncident(t, other, { title: `Top secret merger ${id}`, private: priv });
      await t.db.query(`UPDATE incident SET source = 'csv', external_id = $1 WHERE id = $2`, [id, Number(made.id)]);
    }
    const responder = await userToken(t, w.token, 'resp-leak@example.com', 'RESPONDER', [w.teamId]);
    const row = (ext: string) => csv(`${ext},Mine now,Playback API,SEV3,2026-06-04T10:00:00Z,`);
    const answers: Record<string, unknown> = {};
    for (const ext of ['secret-1', 'public-1']) {
      for (const dryRun of [true, false]) {
        const r = await importGql(t, responder, { content: row(ext), dryRun, onInvalid: 'SKIP_ROW' });
        expect(r).toMatchObject({ created: 0, updated: 0, skipped: 1 });
        const text = JSON.stringify(r);
        expect(text).not.toMatch(/secret merger|private|INC-/i);
        answers[`${ext} ${dryRun}`] = r.errors.map((e) => ({ ...e, message: e.message.replace(ext, '<id>') }));
      }
    }
    // the private incident's answer is the one any incident of another team gets, dry run or not
    const first = answers['secret-1 true'];
    expect(Object.values(answers).every((a) => JSON.stringify(a) === JSON.stringify(first))).toBe(true);
    const stored = await t.db.query(`SELECT title FROM incident WHERE external_id IN ('secret-1','public-1') ORDER BY 1`);
    expect(stored.map((s: { title: string }) => s.title)).toEqual(['Top secret merger public-1', 'Top secret merger secret-1']);
  });
});

describe('upload fuzz: a few hundred generated hostile uploads (real PostgreSQL)', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t, 'Playback');
  });
  afterAll(() => t.close());

  it('never answers 5xx, and stores exactly the valid rows', async () => {
    let seed = 12;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
    const odd = [
      'Ünïcödé ✓',
      'עברית RTL',
      'e\u0301 combining',
      '😀 emoji 👩‍👩‍👧',
      '\u200b zero width',
      '"quoted, with comma"',
      '=1+1',
      "'quote",
    ];
    const hostile: Array<Record<string, unknown>> = [
      { title: 'nul \u0000 inside' },
      { title: 'x'.repeat(501) },
      { severity: 'SEV0' },
      { severity: '' },
      { startedAt: 'yesterday' },
      { startedAt: '2026-02-30T10:00:00Z' },
      { startedAt: '9999-01-01T00:00:00Z' },
      { service: '' },
      { service: 'No such service' },
      { private: 'perhaps' },
      { resolvedAt: '2020-01-01T00:00:00Z' },
      { summary: 's'.repeat(20_001) },
      { externalId: 'e'.repeat(201) },
      { detectionSource: 'ouija' },
    ];
    const jsonOnly: Array<Record<string, unknown>> = [
      { title: 'lone \ud800' },
      { title: { nested: true } },
      { title: 12, severity: ['SEV1'] },
      { service: 42 },
      { startedAt: 1234567890 },
      { private: { x: 1 } },
    ];
    const valid = new Set<string>();
    let seq = 0;
    const row = (json: boolean): Record<string, unknown> => {
      seq += 1;
      const base: Record<string, unknown> = {
        externalId: `fz-${seq}`,
        title: `${pick(odd)} ${seq}`,
        service: 'Playback API',
        severity: pick(['SEV1', 'sev2', 'SEV3', 'Sev4']),
        startedAt: '2026-05-01T10:00:00Z',
        summary: pick(odd),
      };
      if (rand() < 0.5) return { ...base, ...pick(json && rand() < 0.4 ? jsonOnly : hostile), fuzzInvalid: true };
      return base;
    };
    const columns = ['externalId', 'title', 'service', 'severity', 'startedAt', 'resolvedAt', 'summary', 'private', 'detectionSource'];
    const snake = (c: string) => c.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
    const asCsv = (rows: Array<Record<string, unknown>>) =>
      [columns.map(snake).join(','), ...rows.map((r) => columns.map((c) => `"${String(r[c] ?? '').replace(/"/g, '""')}"`).join(','))].join(
        '\r\n',
      );
    const statuses: number[] = [];
    const post = async (body: string | Buffer, query: Record<string, string>, type: string) => {
      const res = await fetch(`${t.url}/api/import?${new URLSearchParams({ onInvalid: 'SKIP_ROW', ...query })}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${w.token}`, 'content-type': type },
        body: typeof body === 'string' ? body : new Uint8Array(body),
      });
      statuses.push(res.status);
      const answer = await res.json();
      if (res.status >= 500) throw new Error(`${res.status} for ${String(body).slice(0, 200)}: ${JSON.stringify(answer)}`);
      return { status: res.status, body: answer };
    };

    for (let n = 0; n < 240; n++) {
      const kind = n % 6;
      if (kind <= 2) {
        // a file of good and hostile rows, as CSV (raw or multipart) or JSON
        const json = kind === 2;
        const rows = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => row(json));
        for (const r of rows) if (!r.fuzzInvalid) valid.add(String(r.externalId));
        if (json) {
          await post(JSON.stringify(rows), { format: 'JSON' }, 'application/octet-stream');
        } else if (kind === 1) {
          const form = new FormData();
          form.append('file', new Blob([asCsv(rows)]), 'f.csv');
          const res = await fetch(`${t.url}/api/import?format=CSV&onInvalid=SKIP_ROW`, {
            method: 'POST',
            headers: { authorization: `Bearer ${w.token}` },
            body: form,
          });
          statuses.push(res.status);
          expect(res.status).toBe(200);
        } else {
          expect((await post(asCsv(rows), { format: 'CSV' }, 'text/csv')).status).toBe(200);
        }
      } else if (kind === 3) {
        // bytes that are no file at all, declared as any format
        const bytes = Buffer.from(Array.from({ length: Math.floor(rand() * 400) }, () => Math.floor(rand() * 256)));
        await post(bytes, { format: pick(['CSV', 'JSON', 'STATUSPAGE']) }, pick(['text/csv', 'application/octet-stream']));
      } else if (kind === 4) {
        // JSON of the wrong shape, or declared as another format, or with a bad query string
        const body = pick([
          '[]',
          '{}',
          '[1,2,3]',
          '{"incidents":{}}',
          '{"incidents":[{"id":{}}]}',
          'null',
          '"text"',
          '[[[[[]]]]]',
          '[{"title":null}]',
        ]);
        const query: Record<string, string> = pick<Record<string, string>>([
          { format: 'JSON' },
          { format: 'STATUSPAGE' },
          { format: 'CSV' },
          { format: 'XML' },
          { dryRun: 'maybe' },
          { onInvalid: 'IGNORE' },
        ]);
        await post(body, query, pick(['application/json', 'application/octet-stream']));
      } else {
        // multipart bodies cut at a random point
        const full = multipart([{ name: 'file', body: asCsv([row(false)]) }]);
        // anywhere before the closing delimiter (without its last CRLF a body is still complete)
        const cut = full.slice(0, Math.floor(rand() * (full.length - `--${BOUNDARY}--\r\n`.length)));
        const r = await send(
          t.url,
          '/api/import?format=CSV',
          {
            authorization: `Bearer ${w.token}`,
            'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
            'content-length': Buffer.byteLength(cut),
          },
          [cut],
        ).answer;
        statuses.push(r.status);
        expect(r.status).toBe(400);
      }
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.length).toBe(240);
    const stored = await t.db.query(`SELECT external_id FROM incident WHERE external_id LIKE 'fz-%'`);
    expect(new Set(stored.map((s: { external_id: string }) => s.external_id))).toEqual(valid);
    expect(valid.size).toBeGreaterThan(50);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });
});
