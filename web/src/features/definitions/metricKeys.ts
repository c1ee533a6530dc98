/**
 * The keys of the API's `metricDefinitions` that the web app explains with. A typo is a type error; a key the API stops
 * publishing fails explainMetric.test.ts, which reads the API's list.
 */
export const METRIC_KEYS = [
  'period',
  'incidentCount',
  'timeToDetect',
  'timeToAcknowledge',
  'timeToMitigate',
  'timeToResolve',
  'downtimeMinutes',
  'services.availability',
  'byRootCause',
  'redundancyGaps',
  'actionItems',
  'detection',
  'previous',
  'smallSample',
  'reviews.required',
  'reviews.published',
  'reviews.overdue',
  'reviews.medianDaysToPublish',
  'repeats',
  'fixesThatDidNotHold',
] as const;

export type MetricKey = (typeof METRIC_KEYS)[number];
