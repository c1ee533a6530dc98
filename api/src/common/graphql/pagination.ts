import { Field, Int, ObjectType } from '@nestjs/graphql';
import { badInput } from '../errors/domain-error';

/** Opaque keyset cursors: the sort key values of the last row, base64url-encoded JSON. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * A cursor's values are what this API puts there: integers that fit a PostgreSQL `integer`, or
 * decimal strings of a `bigint` (timestamps in microseconds, bigint ids). Anything else a client
 * crafted is refused here, before it reaches SQL (where an overflow would be a 500).
 */
const cursorValue = (v: unknown) =>
  (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 2_147_483_647) || (typeof v === 'string' && /^-?[0-9]{1,18}$/.test(v));

export function decodeCursor(cursor: string, field = 'after'): any[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length <= 4 && values.every(cursorValue)) return values;
  } catch {
    /* fall through */
  }
  throw badInput(`${field} is not a cursor returned by this API`, field);
}

export function pageSize(first: number | null | undefined, field = 'first', max = 200): number {
  const n = first ?? 25;
  if (!Number.isInteger(n) || n < 0 || n > max) throw badInput(`${field} must be between 0 and ${max}`, field);
  return n;
}

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'Whether another page follows this one.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor: string | null;
}

@ObjectType({ isAbstract: true })
export abstract class CountedConnection {
  @Field(() => PageInfo, { description: 'Paging state.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Number of items matching the filter, over all pages.' })
  totalCount: number;
}
