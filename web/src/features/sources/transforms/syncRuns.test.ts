import { runCountsText, runProgressText, scheduleLabel, webhookHint, type RunLike } from './syncRuns';

const run = (patch: Partial<RunLike>): RunLike => ({
  status: 'SUCCEEDED',
  fetched: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  errors: [],
  ...patch,
});

describe('sync runs', () => {
  it('says what a run did, errors counted from errorCount', () => {
    const r = run({ fetched: 1200, created: 1180, unchanged: 19, skipped: 1, errorCount: 1, errors: [] });
    expect(runCountsText(r)).toBe('1,200 fetched · 1,180 created · 0 updated · 19 unchanged · 1 skipped · 1 error');
    expect(runProgressText(r)).toBe('Done — 1,200 fetched · 1,180 created · 0 updated · 19 unchanged · 1 skipped · 1 error');
  });

  it('shows progress while queued and running', () => {
    expect(runProgressText(run({ status: 'QUEUED' }))).toBe('Queued — waiting for a worker…');
    expect(runProgressText(run({ status: 'RUNNING', fetched: 100, created: 40 }))).toBe(
      'Running — 100 fetched · 40 created · 0 updated · 0 unchanged · 0 skipped · 0 errors so far',
    );
  });

  it('a failed run says why, from its error without an incident id', () => {
    const failed = run({
      status: 'FAILED',
      errors: [
        { externalId: 'P123', message: 'bad timestamp' },
        { externalId: null, message: 'PagerDuty refused the token (401)' },
      ],
    });
    expect(runProgressText(failed)).toBe('PagerDuty refused the token (401)');
    expect(runProgressText({ ...failed, errors: [{ externalId: null, message: 'the host did not answer' }] })).toBe(
      'The host did not answer',
    );
    expect(runProgressText(run({ status: 'FAILED', fetched: 3 }))).toMatch(/^Stopped — 3 fetched/);
  });

  it('names the schedule', () => {
    expect(scheduleLabel('PAGERDUTY', 60)).toBe('every 60 min');
    expect(scheduleLabel('PAGERDUTY', 15)).toBe('every 15 min');
    expect(scheduleLabel('STATUSPAGE', 180)).toBe('every 3 h');
    expect(scheduleLabel('INCIDENT_IO', 0)).toBe('on demand');
    expect(scheduleLabel('WEBHOOK', 0)).toBe('pushed to its webhook');
  });

  it('says where the webhook URL goes, and nothing for status pages', () => {
    expect(webhookHint('PAGERDUTY')).toMatch(/Generic Webhooks \(v3\)/);
    expect(webhookHint('INCIDENT_IO')).toMatch(/Settings → Webhooks/);
    expect(webhookHint('WEBHOOK')).toMatch(/X-Hindsight-Signature/);
    expect(webhookHint('STATUSPAGE')).toBeNull();
  });
});
