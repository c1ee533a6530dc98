import type { Severity } from '../../../gql/graphql';

export const severities: readonly Severity[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

/** The "Reviews and repeats" form: numbers as typed, so a half-typed value is not lost. */
export interface LoopSettingsValues {
  reviewSeverities: Severity[];
  reviewDueDays: string;
  repeatWindowDays: string;
}

type Field = keyof LoopSettingsValues;

/** The limits UpdateLoopSettingsInput checks; the messages name the same fields the API does. */
const limits: Record<'reviewDueDays' | 'repeatWindowDays', { min: number; max: number; what: string }> = {
  reviewDueDays: { min: 0, max: 365, what: 'Days until due' },
  repeatWindowDays: { min: 1, max: 3650, what: 'The repeat window' },
};

export function toLoopSettingsValues(s: {
  reviewSeverities: readonly Severity[];
  reviewDueDays: number;
  repeatWindowDays: number;
}): LoopSettingsValues {
  return {
    reviewSeverities: severities.filter((v) => s.reviewSeverities.includes(v)),
    reviewDueDays: String(s.reviewDueDays),
    repeatWindowDays: String(s.repeatWindowDays),
  };
}

/** The severity list in the order the form shows it, with `severity` on or off. */
export function toggleSeverity(list: readonly Severity[], severity: Severity, on: boolean): Severity[] {
  return severities.filter((v) => (v === severity ? on : list.includes(v)));
}

export function validateLoopSettings(v: LoopSettingsValues): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  for (const field of ['reviewDueDays', 'repeatWindowDays'] as const) {
    const { min, max, what } = limits[field];
    const raw = v[field].trim();
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max)
      errors[field] = `${what} must be a whole number of days from ${min} to ${max.toLocaleString('en-GB')}.`;
  }
  return errors;
}

export interface LoopSettingsInput {
  expectedVersion: number;
  reviewSeverities?: Severity[];
  reviewDueDays?: number;
  repeatWindowDays?: number;
}

/** Only what changed from `base` (the settings as read), with the version they were read at. */
export function toLoopSettingsInput(base: LoopSettingsValues, v: LoopSettingsValues, version: number): LoopSettingsInput {
  const input: LoopSettingsInput = { expectedVersion: version };
  if (base.reviewSeverities.join() !== v.reviewSeverities.join()) input.reviewSeverities = [...v.reviewSeverities];
  if (Number(base.reviewDueDays) !== Number(v.reviewDueDays)) input.reviewDueDays = Number(v.reviewDueDays);
  if (Number(base.repeatWindowDays) !== Number(v.repeatWindowDays)) input.repeatWindowDays = Number(v.repeatWindowDays);
  return input;
}
