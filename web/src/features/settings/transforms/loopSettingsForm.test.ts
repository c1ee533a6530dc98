import { toggleSeverity, toLoopSettingsInput, toLoopSettingsValues, validateLoopSettings } from './loopSettingsForm';

const read = { reviewSeverities: ['SEV2', 'SEV1'] as const, reviewDueDays: 5, repeatWindowDays: 90 };

describe('loop settings form', () => {
  it('reads the settings with the severities in their order', () => {
    expect(toLoopSettingsValues({ ...read, reviewSeverities: [...read.reviewSeverities] })).toEqual({
      reviewSeverities: ['SEV1', 'SEV2'],
      reviewDueDays: '5',
      repeatWindowDays: '90',
    });
  });

  it('toggles a severity and keeps the order', () => {
    expect(toggleSeverity(['SEV1', 'SEV2'], 'SEV4', true)).toEqual(['SEV1', 'SEV2', 'SEV4']);
    expect(toggleSeverity(['SEV1', 'SEV2'], 'SEV1', false)).toEqual(['SEV2']);
    expect(toggleSeverity(['SEV3'], 'SEV1', true)).toEqual(['SEV1', 'SEV3']);
  });

  it('checks the API’s limits and names the fields as the API does', () => {
    const ok = { reviewSeverities: [], reviewDueDays: '0', repeatWindowDays: '3650' };
    expect(validateLoopSettings(ok)).toEqual({});
    expect(validateLoopSettings({ ...ok, reviewDueDays: '366', repeatWindowDays: '0' })).toEqual({
      reviewDueDays: 'Days until due must be a whole number of days from 0 to 365.',
      repeatWindowDays: 'The repeat window must be a whole number of days from 1 to 3,650.',
    });
    expect(Object.keys(validateLoopSettings({ ...ok, reviewDueDays: '2.5', repeatWindowDays: '' }))).toEqual([
      'reviewDueDays',
      'repeatWindowDays',
    ]);
    expect(Object.keys(validateLoopSettings({ ...ok, reviewDueDays: '-1' }))).toEqual(['reviewDueDays']);
  });

  it('sends only what changed, with the version read', () => {
    const base = toLoopSettingsValues({ ...read, reviewSeverities: [...read.reviewSeverities] });
    expect(toLoopSettingsInput(base, base, 3)).toEqual({ expectedVersion: 3 });
    expect(toLoopSettingsInput(base, { ...base, reviewSeverities: ['SEV1'], repeatWindowDays: '30' }, 3)).toEqual({
      expectedVersion: 3,
      reviewSeverities: ['SEV1'],
      repeatWindowDays: 30,
    });
    expect(toLoopSettingsInput(base, { ...base, reviewDueDays: '05' }, 3)).toEqual({ expectedVersion: 3 });
  });
});
