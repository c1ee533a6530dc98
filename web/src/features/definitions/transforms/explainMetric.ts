import type { MetricKey } from '../metricKeys';

/** One published definition, as the API gives it (`metricDefinitions`). */
export interface MetricDefinitionInput {
  key: string;
  name: string;
  formula: string;
  unit: string;
}

/** The published definitions by key; null while they are not loaded yet. */
export type DefinitionLookup = ReadonlyMap<string, MetricDefinitionInput> | null;

export function toDefinitionLookup(list: readonly MetricDefinitionInput[] | null | undefined): DefinitionLookup {
  return list ? new Map(list.map((d) => [d.key, d])) : null;
}

const sentence = (s: string) => {
  const t = s.trim();
  return !t || /[.!?…]$/.test(t) ? t : `${t}.`;
};

/**
 * The explanation shown for a number or chart: the API's formula for each key, in order, then a reading hint that is
 * not a definition (what a mark means, what a click does). A key the API does not publish adds nothing, so the text
 * never invents a definition; `missingDefinitions` finds such keys in tests.
 */
export function explainMetric(defs: DefinitionLookup, keys: MetricKey | readonly MetricKey[], hint?: string): string {
  const formulas = (typeof keys === 'string' ? [keys] : keys).map((k) => defs?.get(k)?.formula).filter((f): f is string => !!f);
  return [...formulas, hint ?? ''].map(sentence).filter(Boolean).join(' ');
}

/** The keys of `keys` that the published list lacks (all of them while it is not loaded). */
export function missingDefinitions(defs: DefinitionLookup, keys: readonly string[]): string[] {
  return keys.filter((k) => !defs?.has(k));
}
