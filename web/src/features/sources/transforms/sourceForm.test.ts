import {
  addSeverityRow,
  defaultSince,
  emptySourceForm,
  kindDefaults,
  kindFields,
  removeSeverityRow,
  switchKind,
  toCreateSourceInput,
  toSourceForm,
  toUpdateSourceInput,
  updateSeverityRow,
  validateSourceForm,
} from './sourceForm';
import { testSourceKinds as kinds } from '../testing/sourceKinds';

const now = new Date('2026-12-07T02:00:00Z');

describe('source form', () => {
  it('starts a PagerDuty source on the vendor API, hourly, one year back, with a priority map', () => {
    const v = emptySourceForm(kinds, 'PAGERDUTY', now, 't1');
    expect(v.baseUrl).toBe('https://api.pagerduty.com');
    expect(v.syncEveryMinutes).toBe('60');
    expect(v.since).toBe('2025-12-07');
    expect(v.severityRows.map((r) => `${r.from}→${r.to}`)).toEqual([
      'P1→SEV1',
      'P2→SEV2',
      'P3→SEV3',
      'P4→SEV4',
      'P5→SEV4',
      'high→SEV2',
      'low→SEV4',
    ]);
    expect(v.defaultSeverity).toBe('SEV3');
    expect(v.createMissing).toBe(true);
    expect(v.private).toBe(false);
  });

  it('a year before 29 February 2028 is 1 March 2027 (no 29 February then)', () => {
    expect(defaultSince(new Date('2028-02-29T10:00:00Z'))).toBe('2027-03-01');
  });

  it('shows per kind: token for the vendors, a required address for status pages, nothing to pull for webhooks', () => {
    expect(kindFields.PAGERDUTY).toMatchObject({ baseUrl: 'vendor', token: true, webhookSecret: true, pulls: true });
    expect(kindFields.INCIDENT_IO).toMatchObject({ baseUrl: 'vendor', token: true });
    expect(kindFields.STATUSPAGE).toMatchObject({ baseUrl: 'required', token: false, webhookSecret: false, pulls: true });
    expect(kindFields.WEBHOOK).toMatchObject({ baseUrl: null, token: false, webhookSecret: true, pulls: false, severityMap: false });
  });

  it('switching kind moves the defaults along but keeps what the user typed', () => {
    const pd = emptySourceForm(kinds, 'PAGERDUTY', now, 't1');
    const io = switchKind(pd, 'INCIDENT_IO', kinds);
    expect(io.baseUrl).toBe('https://api.incident.io');
    expect(io.severityRows.map((r) => r.from)).toEqual(['Critical', 'Major', 'Minor']);

    const eu = switchKind({ ...pd, baseUrl: 'https://api.eu.pagerduty.com' }, 'INCIDENT_IO', kinds);
    expect(eu.baseUrl).toBe('https://api.eu.pagerduty.com');

    const edited = updateSeverityRow(pd, pd.severityRows[0].key, { to: 'SEV2' });
    expect(switchKind(edited, 'STATUSPAGE', kinds).severityRows[0]).toMatchObject({ from: 'P1', to: 'SEV2' });

    const hook = switchKind(pd, 'WEBHOOK', kinds);
    expect(hook.syncEveryMinutes).toBe('0');
    expect(switchKind(hook, 'STATUSPAGE', kinds)).toMatchObject({ baseUrl: '', syncEveryMinutes: '60' });
  });

  it('takes the defaults from the kinds it is given (the API’s sourceKinds), with none for a kind they lack', () => {
    const eu = [
      {
        kind: 'PAGERDUTY' as const,
        defaultBaseUrl: 'https://api.eu.pagerduty.com',
        defaultSeverityMap: [{ from: 'P1', to: 'SEV2' as const }],
      },
    ];
    const v = emptySourceForm(eu, 'PAGERDUTY', now, 't1');
    expect(v.baseUrl).toBe('https://api.eu.pagerduty.com');
    expect(v.severityRows.map((r) => `${r.from}→${r.to}`)).toEqual(['P1→SEV2']);
    expect(switchKind(v, 'INCIDENT_IO', eu)).toMatchObject({ baseUrl: '', severityRows: [] });
    expect(kindDefaults(kinds, 'STATUSPAGE').baseUrl).toBe('');
  });

  it('adds, edits and removes severity rows', () => {
    let v = emptySourceForm(kinds, 'WEBHOOK', now, 't1');
    expect(v.severityRows).toEqual([]);
    v = { ...addSeverityRow({ ...v, kind: 'STATUSPAGE' }), defaultSeverity: 'SEV4' };
    v = addSeverityRow(v);
    const [a, b] = v.severityRows;
    expect(b.to).toBe('SEV4');
    v = updateSeverityRow(v, a.key, { from: ' Critical ', to: 'SEV1' });
    v = removeSeverityRow(v, b.key);
    expect(toCreateSourceInput({ ...v, name: 'Status', baseUrl: 'https://status.example.com' }).severityMap).toEqual([
      { from: 'Critical', to: 'SEV1' },
    ]);
  });

  it('builds the createSource input with only the fields the kind uses', () => {
    const pd = { ...emptySourceForm(kinds, 'PAGERDUTY', now, 't1'), name: ' PD prod ', token: 'u+abc', severityRows: [] };
    expect(toCreateSourceInput(pd)).toEqual({
      kind: 'PAGERDUTY',
      name: 'PD prod',
      teamId: 't1',
      baseUrl: 'https://api.pagerduty.com',
      token: 'u+abc',
      syncEveryMinutes: 60,
      since: '2025-12-07T00:00:00.000Z',
      severityMap: [],
      defaultSeverity: 'SEV3',
      createMissing: true,
      private: false,
    });
    const hook = { ...emptySourceForm(kinds, 'WEBHOOK', now, 't1'), name: 'CI', token: 'ignored', webhookSecret: 's3cret', private: true };
    expect(toCreateSourceInput(hook)).toEqual({
      kind: 'WEBHOOK',
      name: 'CI',
      teamId: 't1',
      webhookSecret: 's3cret',
      syncEveryMinutes: 0,
      defaultSeverity: 'SEV3',
      createMissing: true,
      private: true,
    });
  });

  it('sends incident.io timestamp names per phase, empty phases left to the defaults', () => {
    const io = { ...emptySourceForm(kinds, 'INCIDENT_IO', now, 't1'), name: 'io', token: 'k' };
    expect(toCreateSourceInput(io).timestampNames).toBeNull();
    const named = { ...io, timestampNames: { ...io.timestampNames, started: ' Customer impact began , impact started', resolved: ' ' } };
    expect(toCreateSourceInput(named).timestampNames).toEqual({ started: ['Customer impact began', 'impact started'] });
    expect(toCreateSourceInput({ ...named, kind: 'PAGERDUTY' })).not.toHaveProperty('timestampNames');
    const opened = toSourceForm({
      kind: 'INCIDENT_IO',
      name: 'io',
      baseUrl: 'https://api.incident.io',
      team: { id: 't1' },
      syncEveryMinutes: 60,
      since: '2025-12-07T00:00:00.000Z',
      severityMap: [],
      defaultSeverity: 'SEV3',
      createMissing: true,
      private: false,
      timestampNames: { started: ['Customer impact began', 'impact started'] },
    });
    expect(opened.timestampNames.started).toBe('Customer impact began, impact started');
    expect(toUpdateSourceInput(opened, opened)).toEqual({});
    expect(toUpdateSourceInput(opened, { ...opened, timestampNames: { ...opened.timestampNames, started: '' } })).toEqual({
      timestampNames: null,
    });
  });

  it('updates only what changed; an empty token keeps the stored one', () => {
    const opened = toSourceForm({
      kind: 'PAGERDUTY',
      name: 'PD',
      baseUrl: 'https://api.pagerduty.com',
      team: { id: 't1' },
      syncEveryMinutes: 60,
      since: '2025-12-07T00:00:00.000Z',
      severityMap: [{ from: 'P1', to: 'SEV1' }],
      defaultSeverity: 'SEV3',
      createMissing: true,
      private: false,
    });
    expect(opened.token).toBe('');
    expect(opened.since).toBe('2025-12-07');
    expect(toUpdateSourceInput(opened, opened)).toEqual({});
    const edited = { ...opened, syncEveryMinutes: '0', baseUrl: 'https://api.eu.pagerduty.com' };
    expect(toUpdateSourceInput(opened, edited)).toEqual({ syncEveryMinutes: 0, baseUrl: 'https://api.eu.pagerduty.com' });
    expect(toUpdateSourceInput(opened, { ...opened, token: 'new' })).toEqual({ token: 'new' });
    const remapped = updateSeverityRow(opened, opened.severityRows[0].key, { to: 'SEV2' });
    expect(toUpdateSourceInput(opened, remapped)).toEqual({ severityMap: [{ from: 'P1', to: 'SEV2' }] });
  });

  it('checks what the browser can: name, team, address, token on create, minutes, duplicate vendor values', () => {
    const blank = { ...emptySourceForm(kinds, 'STATUSPAGE', now), syncEveryMinutes: '1.5' };
    expect(validateSourceForm(blank, { editing: false })).toEqual({
      name: 'Give the source a name.',
      teamId: 'Choose the team that owns what this source creates.',
      baseUrl: 'Enter the status page’s address.',
      syncEveryMinutes: 'Whole minutes, 0 for on demand only.',
    });
    const pd = { ...emptySourceForm(kinds, 'PAGERDUTY', now, 't1'), name: 'PD', baseUrl: 'javascript:alert(1)' };
    expect(validateSourceForm(pd, { editing: false })).toEqual({
      baseUrl: 'Enter a full http:// or https:// address.',
      token: 'Paste an API token.',
    });
    expect(validateSourceForm({ ...pd, baseUrl: 'https://api.pagerduty.com' }, { editing: true, hasToken: true })).toEqual({});
    expect(validateSourceForm({ ...pd, token: 'x', baseUrl: 'https://a.example', webhookSecret: 'short' }, { editing: false })).toEqual({
      webhookSecret: 'At least 16 characters.',
    });
    const hook = { ...emptySourceForm(kinds, 'WEBHOOK', now, 't1'), name: 'CI' };
    expect(Object.keys(validateSourceForm(hook, { editing: false }))).toEqual(['webhookSecret']);
    expect(validateSourceForm(hook, { editing: true, hasWebhookSecret: true })).toEqual({});
    const dup = addSeverityRow({ ...pd, baseUrl: 'https://api.pagerduty.com', token: 'x' });
    const last = dup.severityRows[dup.severityRows.length - 1];
    expect(validateSourceForm(updateSeverityRow(dup, last.key, { from: 'p1' }), { editing: false }).severityMap).toBe(
      '“p1” is mapped twice (vendor values are compared without case).',
    );
  });
});
