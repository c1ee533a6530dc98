import { formatDateTime } from '../../../charts/formatters';
import { fromLocalInput, toFormValues, toLocalInput, toUpdateInput, type IncidentLike } from './incidentForm';
import { compareIncidentEdits, formatIncidentValue, toIncidentMergeView } from './incidentMerge';
import { compareEdits, mergeEdits, unresolvedFields } from './mergeEdits';

const opened: IncidentLike = {
  title: 'Playback errors',
  summary: 'Manifests returned 500.',
  severity: 'SEV2',
  kind: 'INCIDENT',
  postmortemState: 'DRAFT',
  detectionSource: 'MONITORING',
  team: { id: 't1' },
  services: [{ id: 's1' }],
  regions: ['eu-west-1'],
  customerImpact: null,
  affectedUsersPercent: 12.5,
  private: false,
  excludeFromMetrics: false,
  startedAt: '2026-03-01T10:00:00.123Z',
  detectedAt: '2026-03-01T10:05:00Z',
  acknowledgedAt: null,
  mitigatedAt: null,
  resolvedAt: null,
};
const lookups = {
  services: [
    { id: 's1', name: 'Playback API' },
    { id: 's2', name: 'Search' },
  ],
  teams: [
    { id: 't1', name: 'Streaming' },
    { id: 't2', name: 'Edge' },
  ],
};

describe('compareEdits (three-way, any record)', () => {
  type Rec = { a: string; b: string; c: string; d: string };
  const changed = (x: Rec, y: Rec) => (['a', 'b', 'c', 'd'] as const).filter((k) => x[k] !== y[k]);
  const base: Rec = { a: '1', b: '1', c: '1', d: '1' };

  it('sorts fields into mine only, theirs only and conflicts; equal edits on both sides are no conflict', () => {
    const mine = { ...base, a: 'me', c: 'me', d: 'same' };
    const theirs = { ...base, b: 'them', c: 'them', d: 'same' };
    expect(compareEdits(['a', 'b', 'c', 'd'], changed, base, mine, theirs)).toEqual({ mine: ['a'], theirs: ['b'], conflicts: ['c'] });
  });

  it('merges onto their version: my-only edits kept, conflicts as chosen, undecided conflicts stay theirs', () => {
    const mine = { ...base, a: 'me', c: 'me', d: 'me' };
    const theirs = { ...base, b: 'them', c: 'them', d: 'them' };
    const comparison = compareEdits(['a', 'b', 'c', 'd'], changed, base, mine, theirs);
    expect(comparison.conflicts).toEqual(['c', 'd']);
    expect(unresolvedFields(comparison, { c: 'mine' })).toEqual(['d']);
    expect(mergeEdits(comparison, mine, theirs, { c: 'mine', d: 'theirs' })).toEqual({ a: 'me', b: 'them', c: 'me', d: 'them' });
    expect(mergeEdits(comparison, mine, theirs, {})).toEqual({ a: 'me', b: 'them', c: 'them', d: 'them' });
  });
});

describe('merging incident edits', () => {
  const base = toFormValues(opened);

  it('finds their changes, mine and the fields we both changed', () => {
    const mine = { ...base, title: 'Playback errors in EU', summary: 'Bad manifest push.', regions: 'eu-west-1' };
    const theirs = toFormValues({ ...opened, title: 'Playback outage', severity: 'SEV1', services: [{ id: 's1' }, { id: 's2' }] });
    expect(compareIncidentEdits(base, mine, theirs)).toEqual({
      mine: ['summary'],
      theirs: ['severity', 'serviceIds'],
      conflicts: ['title'],
    });
  });

  it('compares by what a save would send: reordered services and respaced regions are the same value', () => {
    const opening = toFormValues({ ...opened, services: [{ id: 's1' }, { id: 's2' }] });
    const theirs = toFormValues({
      ...opened,
      severity: 'SEV1',
      services: [{ id: 's2' }, { id: 's1' }],
      regions: ['eu-west-1', 'us-east-1'],
    });
    const mine = { ...opening, serviceIds: ['s2', 's1'], regions: 'eu-west-1 ,us-east-1' };
    // both added us-east-1: no conflict, nothing of mine left to send
    expect(compareIncidentEdits(opening, mine, theirs)).toEqual({ mine: [], theirs: ['severity'], conflicts: [] });
  });

  it('saves only my kept edits against their version; taking theirs sends nothing for that field', () => {
    const mine = { ...base, title: 'Mine', summary: 'My summary', detectedAt: '' };
    const theirs = toFormValues({ ...opened, title: 'Theirs', severity: 'SEV1', detectedAt: '2026-03-01T10:07:00Z' });
    const comparison = compareIncidentEdits(base, mine, theirs);
    expect(comparison).toEqual({ mine: ['summary'], theirs: ['severity'], conflicts: ['title', 'detectedAt'] });

    const takeTheirs = mergeEdits(comparison, mine, theirs, { title: 'theirs', detectedAt: 'mine' });
    expect(takeTheirs).toMatchObject({ title: 'Theirs', severity: 'SEV1', summary: 'My summary', detectedAt: '' });
    expect(toUpdateInput(theirs, takeTheirs, 8)).toEqual({ expectedVersion: 8, summary: 'My summary', detectedAt: null });

    const keepMine = mergeEdits(comparison, mine, theirs, { title: 'mine', detectedAt: 'theirs' });
    expect(toUpdateInput(theirs, keepMine, 8)).toEqual({ expectedVersion: 8, title: 'Mine', summary: 'My summary' });
  });

  it('shows values as people read them', () => {
    const v = { ...base, serviceIds: ['s1', 's2'], teamId: 't2', detectionSource: '' as const, private: true, summary: '  ' };
    expect(formatIncidentValue('serviceIds', v, lookups)).toBe('Playback API, Search');
    expect(formatIncidentValue('teamId', v, lookups)).toBe('Edge');
    expect(formatIncidentValue('detectionSource', v, lookups)).toBe('Not recorded');
    expect(formatIncidentValue('postmortemState', v, lookups)).toBe('Draft');
    expect(formatIncidentValue('affectedUsersPercent', v, lookups)).toBe('12.5 %');
    expect(formatIncidentValue('private', v, lookups)).toBe('Yes');
    expect(formatIncidentValue('summary', v, lookups)).toBe('(empty)');
    expect(formatIncidentValue('mitigatedAt', v, lookups)).toBe('Not set');
    expect(formatIncidentValue('detectedAt', v, lookups)).toBe(formatDateTime(fromLocalInput(toLocalInput('2026-03-01T10:05:00Z'))));
  });

  it('builds the rows of the merge view with the original, their and my value', () => {
    const mine = { ...base, title: 'Mine', summary: 'My summary' };
    const theirs = toFormValues({ ...opened, title: 'Theirs', team: { id: 't2' } });
    const view = toIncidentMergeView(compareIncidentEdits(base, mine, theirs), base, mine, theirs, lookups);
    expect(view.conflicts).toEqual([{ field: 'title', label: 'Title', original: 'Playback errors', mine: 'Mine', theirs: 'Theirs' }]);
    expect(view.theirs).toEqual([{ field: 'teamId', label: 'Owning team', original: 'Streaming', mine: 'Streaming', theirs: 'Edge' }]);
    expect(view.mine.map((r) => [r.label, r.original, r.mine])).toEqual([['Summary', 'Manifests returned 500.', 'My summary']]);
  });
});
