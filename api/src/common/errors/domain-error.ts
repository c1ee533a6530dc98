import { IntrinsicException } from '@nestjs/common';

/** The codes clients see in `extensions.code` (SPEC §4). */
export type ErrorCode =
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS' | 'SERVICE_UNAVAILABLE';

/**
 * Thrown by services for every expected failure; the one error formatter turns it into a GraphQL
 * error with `extensions.code` (and `extensions.fields` naming the input fields at fault).
 * It is an IntrinsicException so Nest does not log these expected outcomes as server errors.
 */
export class DomainError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (message: string, ...fields: string[]) => new DomainError('BAD_USER_INPUT', message, fields);
export const notFound = (what: string, id: string | number) => new DomainError('NOT_FOUND', `${what} ${id} was not found`);
export const forbidden = (message = 'You are not allowed to do this') => new DomainError('FORBIDDEN', message);

/** HTTP status a DomainError maps to, for the REST endpoints. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};
