import { METRIC_DEFINITIONS } from '../../../../../api/src/metrics/metric-definitions';
import { METRIC_KEYS } from '../metricKeys';
import { explainMetric, missingDefinitions, toDefinitionLookup } from './explainMetric';

const defs = toDefinitionLookup([
  { key: 'timeToResolve', name: 'Time to resolve', formula: 'resolvedAt − startedAt', unit: 'minutes' },
  { key: 'smallSample', name: 'Small sample', formula: 'Fewer than 5 incidents are flagged.', unit: 'count' },
]);

describe('explainMetric', () => {
  it('gives the published formula, each as a sentence, then the reading hint', () => {
    expect(explainMetric(defs, 'timeToResolve')).toBe('resolvedAt − startedAt.');
    expect(explainMetric(defs, ['timeToResolve', 'smallSample'], 'Hollow points are small samples')).toBe(
      'resolvedAt − startedAt. Fewer than 5 incidents are flagged. Hollow points are small samples.',
    );
  });

  it('adds nothing for a key the API does not publish, and only the hint while the list is loading', () => {
    expect(explainMetric(defs, ['repeats', 'timeToResolve'])).toBe('resolvedAt − startedAt.');
    expect(explainMetric(null, 'timeToResolve', 'Click a bar to list its incidents.')).toBe('Click a bar to list its incidents.');
    expect(explainMetric(null, 'timeToResolve')).toBe('');
  });

  it('finds the keys the list lacks', () => {
    expect(missingDefinitions(defs, ['timeToResolve', 'repeats'])).toEqual(['repeats']);
    expect(missingDefinitions(null, ['timeToResolve'])).toEqual(['timeToResolve']);
  });

  it('uses only keys the API publishes (its list, api/src/metrics/metric-definitions.ts)', () => {
    expect(missingDefinitions(toDefinitionLookup(METRIC_DEFINITIONS), METRIC_KEYS)).toEqual([]);
  });
});
