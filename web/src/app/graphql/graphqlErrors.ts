import type { CombinedError } from '@urql/core';

export function errorCodes(error: CombinedError | undefined | null): string[] {
  if (!error) return [];
  const codes = error.graphQLErrors.map((e) => String(e.extensions?.code ?? ''));
  const status = (error.response as Response | undefined)?.status;
  if (status === 401) codes.push('UNAUTHENTICATED');
  return codes.filter(Boolean);
}

export function hasErrorCode(error: CombinedError | undefined | null, code: string): boolean {
  return errorCodes(error).includes(code);
}

/**
 * Maps BAD_USER_INPUT errors to the input fields they name (`extensions.fields`), so forms can put the
 * message next to the field. Errors without fields land under `_form`.
 */
export function fieldErrors(error: CombinedError | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!error) return out;
  for (const e of error.graphQLErrors) {
    if (e.extensions?.code !== 'BAD_USER_INPUT') continue;
    const fields = e.extensions?.fields;
    const names = Array.isArray(fields) ? fields.map(String) : [];
    if (names.length === 0) {
      out._form = out._form ? `${out._form} ${e.message}` : e.message;
      continue;
    }
    for (const raw of names) {
      // "input.detectedAt" and "detectedAt" both name the same field.
      const f = raw.split('.').pop() ?? raw;
      if (!out[f]) out[f] = e.message;
    }
  }
  return out;
}

/** A readable sentence for an error that is not tied to one field. */
export function errorMessage(error: CombinedError | undefined | null): string {
  if (!error) return '';
  const codes = errorCodes(error);
  if (codes.includes('FORBIDDEN')) return 'You do not have permission to do this.';
  if (codes.includes('NOT_FOUND')) return 'Not found — it may have been deleted or you may not have access.';
  if (codes.includes('TOO_MANY_REQUESTS')) return 'Too many attempts. Wait a minute and try again.';
  if (error.networkError) return 'The server could not be reached. Check your connection and retry.';
  const first = error.graphQLErrors[0];
  if (first) return first.message;
  return error.message.replace(/^\[(GraphQL|Network)\]\s*/, '');
}
