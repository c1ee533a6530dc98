import { registerEnumType } from '@nestjs/graphql';

export enum Severity {
  SEV1 = 'SEV1',
  SEV2 = 'SEV2',
  SEV3 = 'SEV3',
  SEV4 = 'SEV4',
}
export enum IncidentStatus {
  ONGOING = 'ONGOING',
  MITIGATED = 'MITIGATED',
  RESOLVED = 'RESOLVED',
}
export enum PostmortemState {
  NONE = 'NONE',
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  PUBLISHED = 'PUBLISHED',
}
export enum IncidentKind {
  INCIDENT = 'INCIDENT',
  NEAR_MISS = 'NEAR_MISS',
}
export enum DetectionSource {
  MONITORING = 'MONITORING',
  CUSTOMER_REPORT = 'CUSTOMER_REPORT',
  SOCIAL_MEDIA = 'SOCIAL_MEDIA',
  INTERNAL_REPORT = 'INTERNAL_REPORT',
  THIRD_PARTY = 'THIRD_PARTY',
  OTHER = 'OTHER',
}
export enum TagState {
  PROPOSED = 'PROPOSED',
  CONFIRMED = 'CONFIRMED',
}
export enum RedundancyOutcome {
  MISSING = 'MISSING',
  FAILED = 'FAILED',
  PARTIAL = 'PARTIAL',
  WORKED = 'WORKED',
}
export enum IncidentSort {
  STARTED_AT_DESC = 'STARTED_AT_DESC',
  STARTED_AT_ASC = 'STARTED_AT_ASC',
  SEVERITY = 'SEVERITY',
  DURATION_DESC = 'DURATION_DESC',
}

registerEnumType(Severity, { name: 'Severity', description: 'SEV1 (most severe) to SEV4.' });
registerEnumType(IncidentStatus, {
  name: 'IncidentStatus',
  description: 'Derived from the timestamps: RESOLVED when resolvedAt is set, MITIGATED when only mitigatedAt is, else ONGOING.',
});
registerEnumType(PostmortemState, { name: 'PostmortemState', description: 'Where the post-mortem write-up stands.' });
registerEnumType(IncidentKind, {
  name: 'IncidentKind',
  description: 'A real incident, or a near miss (no user impact; never in duration statistics).',
});
registerEnumType(DetectionSource, { name: 'DetectionSource', description: 'How the incident was first noticed.' });
registerEnumType(TagState, { name: 'TagState', description: 'Review state of a cause tag: PROPOSED until a reviewer CONFIRMS it.' });
registerEnumType(RedundancyOutcome, {
  name: 'RedundancyOutcome',
  description:
    'MISSING: the service did not have it; FAILED: it existed but did not engage; PARTIAL: it limited impact; WORKED: it contained the failure. MISSING and FAILED are redundancy gaps.',
});
registerEnumType(IncidentSort, { name: 'IncidentSort', description: 'Order of the incident list.' });
