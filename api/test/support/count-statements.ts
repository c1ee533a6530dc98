import { Client } from 'pg';

/** How many statements `work` sends to PostgreSQL (every pg client, so the app's pool included). */
export async function countStatements(work: () => Promise<unknown>): Promise<number> {
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
