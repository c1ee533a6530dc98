import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from '../harness';

export const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/import', name), 'utf8');

export const IMPORT = `mutation($i:ImportIncidentsInput!){ importIncidents(input:$i){ created updated unchanged skipped errorCount errors{ row field message } } }`;

export interface ImportResultBody {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errorCount: number;
  errors: Array<{ row: number; field: string | null; message: string }>;
}

/** importIncidents through GraphQL; fails the test on a GraphQL error. */
export async function importGql(t: TestApp, token: string, input: Record<string, unknown>): Promise<ImportResultBody> {
  return (await t.ok(IMPORT, { i: { format: 'CSV', ...input } }, token)).importIncidents;
}

/** POST /api/import with a raw body. */
export async function importHttp(t: TestApp, token: string, body: string, query: Record<string, string> = {}, contentType = 'text/csv') {
  const res = await fetch(`${t.url}/api/import?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body,
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** A user of `role` in `teamIds`, signed in; returns the session token. */
export async function userToken(t: TestApp, admin: string, email: string, role: string, teamIds: string[]): Promise<string> {
  await t.ok(
    `mutation($i:CreateUserInput!){ createUser(input:$i){ id } }`,
    { i: { email, password: 'Long-Enough-Password-1', role, teamIds } },
    admin,
  );
  return t.login(email, 'Long-Enough-Password-1');
}

export const CSV_HEADER = 'external_id,title,service,severity,started_at,resolved_at';
export const csv = (...lines: string[]) => [CSV_HEADER, ...lines].join('\n') + '\n';
