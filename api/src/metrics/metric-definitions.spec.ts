import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { definitionsMarkdownTable, METRIC_DEFINITIONS, metricDefinition } from './metric-definitions';

const DOC = join(__dirname, '../../../docs/metrics.md');
const START = '<!-- metric-definitions:start (generated from api/src/metrics/metric-definitions.ts) -->';
const END = '<!-- metric-definitions:end -->';

describe('metric definitions', () => {
  it('has one entry per key, each with a name, a formula and a unit', () => {
    const keys = METRIC_DEFINITIONS.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const d of METRIC_DEFINITIONS) {
      expect(d.name.trim()).not.toBe('');
      expect(d.formula.length).toBeGreaterThan(20);
    }
    expect(metricDefinition('timeToResolve').formula).toContain('resolvedAt − startedAt');
    expect(() => metricDefinition('mttrr')).toThrow('no metric definition mttrr');
  });

  it('docs/metrics.md carries the list as generated (UPDATE_DOCS=1 rewrites it)', () => {
    const doc = readFileSync(DOC, 'utf8');
    const [before, rest] = doc.split(START);
    expect(rest).toBeDefined();
    const after = rest.split(END)[1];
    const expected = `${before}${START}\n${definitionsMarkdownTable()}\n${END}${after}`;
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, expected);
    expect(doc).toBe(expected);
  });
});
