import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adapterFor } from '../../src/sources/vendors';
import { PullPage, SourceConnection, SourceFetchError } from '../../src/sources/source-incident';
import { recordRetryWaits } from '../support/standins/fast-retries';
import { StatuspageStandin } from '../support/standins/statuspage.standin';

const sp = adapterFor('STATUSPAGE');
const doc = JSON.parse(readFileSync(join(__dirname, '../fixtures/import/statuspage-incidents.json'), 'utf8'));

async function pullAll(conn: SourceConnection) {
  const pages: PullPage[] = [];
  for await (const page of sp.pull(conn, null)) pages.push(page);
  return pages;
}

describe('Statuspage adapter against a status page stand-in (real HTTP)', () => {
  const retries = recordRetryWaits();
  afterAll(() => retries.restore());
  let standin: StatuspageStandin;
  let conn: SourceConnection;
  beforeAll(async () => {
    standin = await StatuspageStandin.start(doc);
    conn = { kind: 'STATUSPAGE', baseUrl: standin.url, token: null, since: new Date('2026-01-01T00:00:00Z') };
  });
  afterAll(() => standin.close());

  it('reads /api/v2/incidents.json in one page, mapped as the STATUSPAGE import maps it, linked by shortlink', async () => {
    const pages = await pullAll(conn);
    expect(pages).toHaveLength(1);
    expect(pages[0].errors).toEqual([]);
    expect(pages[0].incidents).toEqual([
      {
        externalId: 'p31zjtct2jer',
        externalUrl: 'https://stspg.io/p31zjtct2jer',
        title: 'Elevated API error rates',
        startedAt: '2026-05-18T09:05:00.000Z',
        detectedAt: null,
        acknowledgedAt: null,
        mitigatedAt: '2026-05-18T10:21:00.004Z',
        resolvedAt: '2026-05-18T11:02:41.306Z',
        severityKey: 'major',
        services: ['Public API', 'Dashboard'],
        teamName: null,
        detectionSource: null,
      },
      expect.objectContaining({ externalId: 'k0rd7x9w2m5q', startedAt: '2026-05-10T22:40:12.000Z', severityKey: 'critical', services: [] }),
      expect.objectContaining({
        externalId: 'ongoing00001',
        startedAt: '2026-05-20T12:52:00.000Z',
        resolvedAt: null,
        severityKey: 'minor',
      }),
    ]);
    expect(standin.requests.map((r) => [r.path, r.headers.authorization])).toEqual([['/api/v2/incidents.json', undefined]]);
  });

  it('an incident it cannot read is an error of its page, the others still come', async () => {
    standin.document = {
      ...doc,
      incidents: [...doc.incidents, { id: 'bad1', name: 'x', impact: 'apocalyptic', created_at: '2026-05-01T00:00:00Z' }],
    };
    const [page] = await pullAll(conn);
    standin.document = doc;
    expect(page.incidents).toHaveLength(3);
    expect(page.errors).toEqual([{ externalId: 'bad1', message: 'impact "apocalyptic" is not one of critical, major, minor, none' }]);
  });

  it('incidents before the source\'s "since" are left out', async () => {
    const [page] = await pullAll({ ...conn, since: new Date('2026-05-15T00:00:00Z') });
    expect(page.incidents.map((i) => i.externalId)).toEqual(['p31zjtct2jer', 'ongoing00001']);
  });

  it('a site that is not a status page: a PAYLOAD or HTTP error naming it', async () => {
    const e = (await sp.testConnection({ ...conn, baseUrl: `${standin.url}/elsewhere` }).catch((x) => x)) as SourceFetchError;
    expect(e.problem).toBe('HTTP');
    expect(e.message).toMatch(/^127\.0\.0\.1:\d+ answered HTTP 404 to GET \/elsewhere\/api\/v2\/incidents\.json/);
    await expect(sp.testConnection(conn)).resolves.toBeUndefined();
  });
});
