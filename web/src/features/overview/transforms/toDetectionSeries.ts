import type { DetectionPoint } from '../../../charts/DetectionSourceChart';

export interface DetectionInput {
  source?: string | null;
  incidentCount: number;
  share: number;
  timeToDetect: { count: number; medianMinutes?: number | null; p90Minutes?: number | null };
}

const labels: Record<string, string> = {
  MONITORING: 'Monitoring',
  CUSTOMER_REPORT: 'Customer report',
  SOCIAL_MEDIA: 'Social media',
  INTERNAL_REPORT: 'Internal report',
  THIRD_PARTY: 'Third party',
  OTHER: 'Other',
};

/** Sources outside the company: an incident they report first is one monitoring missed. */
const external = new Set(['CUSTOMER_REPORT', 'SOCIAL_MEDIA', 'THIRD_PARTY']);

/** True for a source outside the company (customers, social media, third parties). */
export function isExternalSource(source: string | null | undefined): boolean {
  return !!source && external.has(source);
}

export function detectionLabel(source: string | null | undefined): string {
  return source ? (labels[source] ?? source) : 'Not recorded';
}

/** Detection stats → bars by share (percent), largest first, "Not recorded" last. */
export function toDetectionSeries(rows: readonly DetectionInput[]): DetectionPoint[] {
  return rows
    .filter((r) => r.incidentCount > 0)
    .map((r) => ({
      source: r.source ?? null,
      label: detectionLabel(r.source),
      incidentCount: r.incidentCount,
      percent: r.share * 100,
      medianTimeToDetect: r.timeToDetect.medianMinutes ?? null,
      p90TimeToDetect: r.timeToDetect.p90Minutes ?? null,
      detectCount: r.timeToDetect.count,
      external: isExternalSource(r.source),
    }))
    .sort((a, b) => (a.source === null ? 1 : 0) - (b.source === null ? 1 : 0) || b.incidentCount - a.incidentCount);
}
