import { registerEnumType } from '@nestjs/graphql';
import { badInput } from '../common/errors/domain-error';

export enum ImportFormat {
  CSV = 'CSV',
  JSON = 'JSON',
  STATUSPAGE = 'STATUSPAGE',
}
export enum InvalidRowPolicy {
  REJECT_ALL = 'REJECT_ALL',
  SKIP_ROW = 'SKIP_ROW',
}

registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description:
    'CSV (header row, docs/import-formats.md), JSON (an array of objects, camelCase fields) or STATUSPAGE (/api/v2/incidents.json).',
});
registerEnumType(InvalidRowPolicy, {
  name: 'InvalidRowPolicy',
  description: 'REJECT_ALL stores nothing when any row is invalid; SKIP_ROW stores the valid rows and reports the others.',
});

/** `onInvalid` of a query string (an upload, a webhook push): REJECT_ALL unless SKIP_ROW is asked for. */
export function invalidRowPolicy(text: string | undefined): InvalidRowPolicy {
  const policy = (text ?? InvalidRowPolicy.REJECT_ALL).toUpperCase();
  if (!(policy in InvalidRowPolicy)) throw badInput('onInvalid must be REJECT_ALL or SKIP_ROW', 'onInvalid');
  return policy as InvalidRowPolicy;
}
