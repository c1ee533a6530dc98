import type { CombinedError } from '@urql/core';
import { errorMessage } from '../../../app/graphql/graphqlErrors';

/** Nested inputs name their rows ("severityMap.2.from"); the form shows those under the whole editor. */
const grouped = ['severityMap', 'timestampNames'];

/** An input field path from the API as the form field that shows it: "input.baseUrl" → baseUrl, "severityMap.0.from" → severityMap. */
export function toFormField(path: string): string {
  const parts = path.split('.').filter((p) => p !== 'input');
  const group = parts.find((p) => grouped.includes(p));
  return group ?? parts[0] ?? path;
}

/**
 * A failed source mutation as messages by form field: BAD_USER_INPUT and single-field CONFLICT (a name
 * taken) name their fields; anything else is a message for the whole form (`_form`).
 */
export function sourceFieldErrors(error: CombinedError | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!error) return out;
  for (const e of error.graphQLErrors) {
    const code = e.extensions?.code;
    const fields = Array.isArray(e.extensions?.fields) ? (e.extensions.fields as unknown[]).map(String) : [];
    if ((code === 'BAD_USER_INPUT' || code === 'CONFLICT') && fields.length) {
      for (const f of fields) {
        const key = toFormField(f);
        if (key !== 'expectedVersion' && !out[key]) out[key] = e.message;
      }
      if (fields.includes('expectedVersion')) {
        out._form = 'Another admin changed this source after you opened it, so nothing was saved. Cancel, and edit it again.';
      }
    }
  }
  if (Object.keys(out).length === 0) out._form = errorMessage(error);
  return out;
}
