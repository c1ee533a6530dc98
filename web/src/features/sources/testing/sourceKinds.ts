import type { SourceKindDefaults } from '../transforms/sourceForm';

/** A stand-in for the API's `sourceKinds` answer in unit tests (the API defines the real defaults). */
export const testSourceKinds: SourceKindDefaults[] = [
  {
    kind: 'PAGERDUTY',
    defaultBaseUrl: 'https://api.pagerduty.com',
    defaultSeverityMap: [
      { from: 'P1', to: 'SEV1' },
      { from: 'P2', to: 'SEV2' },
      { from: 'P3', to: 'SEV3' },
      { from: 'P4', to: 'SEV4' },
      { from: 'P5', to: 'SEV4' },
      { from: 'high', to: 'SEV2' },
      { from: 'low', to: 'SEV4' },
    ],
  },
  {
    kind: 'INCIDENT_IO',
    defaultBaseUrl: 'https://api.incident.io',
    defaultSeverityMap: [
      { from: 'Critical', to: 'SEV1' },
      { from: 'Major', to: 'SEV2' },
      { from: 'Minor', to: 'SEV3' },
    ],
  },
  {
    kind: 'STATUSPAGE',
    defaultBaseUrl: null,
    defaultSeverityMap: [
      { from: 'critical', to: 'SEV1' },
      { from: 'major', to: 'SEV2' },
      { from: 'minor', to: 'SEV3' },
      { from: 'none', to: 'SEV4' },
    ],
  },
  { kind: 'WEBHOOK', defaultBaseUrl: null, defaultSeverityMap: [] },
];
