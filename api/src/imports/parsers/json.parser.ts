import { badInput } from '../../common/errors/domain-error';
import { camel, Column, COLUMNS, RawRow } from '../import-row';

const BY_CAMEL = new Map<string, Column>(COLUMNS.map((c) => [camel(c).toLowerCase(), c]));

/** Parses a JSON document: an array of objects with the CSV fields in camelCase (numbered from 1). */
export function* jsonRows(text: string): Generator<RawRow> {
  const doc = parseJson(text);
  const list = Array.isArray(doc) ? doc : (doc as { incidents?: unknown })?.incidents;
  if (!Array.isArray(list)) throw badInput('the JSON import must be an array of incident objects', 'content');
  for (let n = 0; n < list.length; n++) {
    const item = list[n];
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      yield { row: n + 1, values: {}, problems: [{ field: null, message: 'an import item must be an object' }] };
      continue;
    }
    const values: Partial<Record<Column, unknown>> = {};
    for (const [key, value] of Object.entries(item)) {
      // camelCase (externalId) is the format; snake_case (external_id) is accepted too
      const column = BY_CAMEL.get(key.replace(/_/g, '').toLowerCase());
      if (column) values[column] = value;
    }
    yield { row: n + 1, values };
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badInput(`the file is not valid JSON: ${(err as Error).message}`, 'content');
  }
}
