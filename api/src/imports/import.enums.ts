import { registerEnumType } from '@nestjs/graphql';

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
