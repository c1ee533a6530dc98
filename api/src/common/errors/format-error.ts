import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from './domain-error';

const logger = new Logger('GraphQL');

/** Codes produced by GraphQL itself before execution (parse, validation, variable coercion, limits). */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_TOO_COMPLEX',
]);

/**
 * The one place errors become GraphQL codes (STYLE.md §6). A DomainError keeps its code and the
 * names of the fields at fault; GraphQL's own request errors pass through; anything else is an
 * INTERNAL_SERVER_ERROR whose message and stack never leave the server.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return {
      ...base,
      message: original.message,
      extensions: {
        code: original.code,
        ...(original.fields.length ? { fields: original.fields } : {}),
      },
    };
  }
  if (isConnectionError(original)) {
    return { ...base, message: 'The database is unavailable; try again shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  const code = formatted.extensions?.code as string | undefined;
  if (code && REQUEST_CODES.has(code) && !(original instanceof Error && original.constructor !== Error && !('extensions' in original))) {
    const fields = formatted.extensions?.fields;
    return { ...base, extensions: { code, ...(Array.isArray(fields) && fields.length ? { fields } : {}) } };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** A lost or refused database connection: a temporary outage, not a bug. */
export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: string }).code;
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === '57P01' || // admin_shutdown
    code === '57P03' || // cannot_connect_now
    /Connection terminated|timeout exceeded when trying to connect|Connection refused/i.test(err.message)
  );
}
