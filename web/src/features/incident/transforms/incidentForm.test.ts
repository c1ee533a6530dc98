import {
  fromLocalInput,
  isDirty,
  toCreateInput,
  toFormValues,
  toLocalInput,
  toUpdateInput,
  validateIncidentForm,
  type IncidentLike,
} from './incidentForm';
import { toCauseOptions } from './causeOptions';
import { toAssessmentRows } from './toAssessmentRows';

const incident: IncidentLike = {
  title: 'Playback errors',
  summary: null,
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

describe('incident form values', () => {
  it('round-trips local datetime inputs to the same instant', () => {
    const local = toLocalInput('2026-03-01T10:05:07Z');
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe('2026-03-01T10:05:07.000Z');
    expect(fromLocalInput('')).toBeNull();
  });

  it('sends only changed fields with the expected version', () => {
    const base = toFormValues(incident);
    const edited = { ...base, title: 'Playback errors in EU', detectedAt: '', regions: 'eu-west-1, us-east-1' };
    expect(toUpdateInput(base, edited, 7)).toEqual({
      expectedVersion: 7,
      title: 'Playback errors in EU',
      detectedAt: null,
      regions: ['eu-west-1', 'us-east-1'],
    });
  });

  it('does not re-send untouched timestamps (keeps their milliseconds)', () => {
    const base = toFormValues(incident);
    expect(toUpdateInput(base, { ...base }, 3)).toEqual({ expectedVersion: 3 });
    expect(isDirty(base, { ...base })).toBe(false);
    expect(isDirty(base, { ...base, private: true })).toBe(true);
  });

  it('clears optional fields with null', () => {
    const base = toFormValues(incident);
    expect(toUpdateInput(base, { ...base, affectedUsersPercent: '', detectionSource: '' }, 1)).toEqual({
      expectedVersion: 1,
      affectedUsersPercent: null,
      detectionSource: null,
    });
  });

  it('names both fields when phases are out of order', () => {
    const v = { ...toFormValues(incident), detectedAt: toLocalInput('2026-03-01T09:00:00Z') };
    const errors = validateIncidentForm(v);
    expect(errors.detectedAt).toMatch(/before impact started/);
    expect(errors.startedAt).toBe(errors.detectedAt);
  });

  it('requires title, services and start', () => {
    const errors = validateIncidentForm({
      ...toFormValues(incident),
      title: ' ',
      serviceIds: [],
      startedAt: '',
      affectedUsersPercent: '140',
    });
    expect(Object.keys(errors).sort()).toEqual(['affectedUsersPercent', 'serviceIds', 'startedAt', 'title']);
  });

  it('builds a create input without empty optionals', () => {
    const input = toCreateInput({ ...toFormValues(incident), summary: '  ', regions: '' });
    expect(input).toMatchObject({
      title: 'Playback errors',
      severity: 'SEV2',
      teamId: 't1',
      serviceIds: ['s1'],
      detectedAt: '2026-03-01T10:05:00.000Z',
    });
    expect(input).not.toHaveProperty('summary');
    expect(input).not.toHaveProperty('regions');
    expect(input).not.toHaveProperty('resolvedAt');
  });
});

describe('toCauseOptions', () => {
  const nodes = [
    { id: 'cat-net', name: 'Network', parent: null },
    { id: 'dns', name: 'DNS', parent: { id: 'cat-net', name: 'Network' } },
    { id: 'bgp', name: 'BGP routing', parent: { id: 'cat-net', name: 'Network' } },
    { id: 'cat-chg', name: 'Change', parent: null },
    { id: 'deploy', name: 'Deployment', parent: { id: 'cat-chg', name: 'Change' } },
    { id: 'old', name: 'Old thing', retired: true, parent: { id: 'cat-chg', name: 'Change' } },
  ];

  it('lists categories followed by their causes, without retired nodes', () => {
    expect(toCauseOptions(nodes, '').map((o) => o.id)).toEqual(['cat-chg', 'deploy', 'cat-net', 'bgp', 'dns']);
  });

  it('filters by cause or category name and leaves out tagged ones', () => {
    expect(toCauseOptions(nodes, 'dns').map((o) => o.id)).toEqual(['dns']);
    expect(toCauseOptions(nodes, 'netw', ['dns']).map((o) => o.id)).toEqual(['cat-net', 'bgp']);
  });
});

describe('toAssessmentRows', () => {
  it('lists gaps first, then declared, then the rest of the catalogue', () => {
    const rows = toAssessmentRows(
      [
        { id: 'm1', name: 'Multi-zone', retired: false },
        { id: 'm2', name: 'Backup', retired: false },
        { id: 'm3', name: 'Multi-CDN', retired: false },
        { id: 'm4', name: 'Retired one', retired: true },
      ],
      [{ mechanism: { id: 'm3', name: 'Multi-CDN' }, outcome: 'FAILED', notes: 'both CDNs shared a cert' }],
      ['m2'],
    );
    expect(rows.map((r) => [r.mechanism.id, r.outcome, r.declared])).toEqual([
      ['m3', 'FAILED', false],
      ['m2', null, true],
      ['m1', null, false],
    ]);
  });
});
