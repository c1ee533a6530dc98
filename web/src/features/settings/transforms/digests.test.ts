import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  deliveryStatus,
  digestFieldErrors,
  emptyDigestForm,
  filterSummary,
  isDeliveryDone,
  joinWords,
  periodText,
  toCreateDigestInput,
  toDigestFormField,
  validateDigestForm,
  type FilterNames,
} from './digests';

const known: FilterNames = {
  teams: [
    { id: '1', name: 'Payments' },
    { id: '2', name: 'Search' },
    { id: '3', name: 'Identity' },
  ],
  services: [{ id: '10', name: 'Checkout API' }],
  rootCauses: [
    { id: '100', name: 'Change', parent: null },
    { id: '101', name: 'Bad deploy', parent: { id: '100', name: 'Change' } },
  ],
  sources: [{ id: '7', name: 'PagerDuty EU' }],
};

describe('filterSummary', () => {
  it('says "All incidents" when no dimension is set (null, empty lists, confirmedOnly false)', () => {
    expect(filterSummary(null, known)).toBe('All incidents');
    expect(filterSummary({ teamIds: [], serviceIds: null, severities: [], confirmedOnly: false }, known)).toBe('All incidents');
  });

  it('names teams and services, with "and" before the last, singular for one', () => {
    expect(filterSummary({ teamIds: ['1', '2', '3'] }, known)).toBe('Teams Payments, Search and Identity');
    expect(filterSummary({ teamIds: ['2'], serviceIds: ['10'] }, known)).toBe('Team Search · Service Checkout API');
  });

  it('orders severities, names causes under their category and a category as a whole, and lists sources', () => {
    expect(
      filterSummary({ severities: ['SEV2', 'SEV1'], rootCauseIds: ['101', '100'], sourceIds: ['7'], confirmedOnly: true }, known),
    ).toBe('SEV1 and SEV2 · Causes Change › Bad deploy and Change (whole category) · Source PagerDuty EU · Confirmed causes only');
  });

  it('keeps an id it cannot name (deleted, or not loaded yet) rather than dropping the dimension', () => {
    expect(filterSummary({ teamIds: ['1', '99'], rootCauseIds: ['5'] }, known)).toBe('Teams Payments and team #99 · Cause cause #5');
  });
});

describe('joinWords', () => {
  it('joins none, one, two and three', () => {
    expect([joinWords([]), joinWords(['a']), joinWords(['a', 'b']), joinWords(['a', 'b', 'c'])]).toEqual([
      '',
      'a',
      'a and b',
      'a, b and c',
    ]);
  });
});

describe('delivery status', () => {
  it('has a label and tone for every status; only SENT and FAILED are done', () => {
    expect(deliveryStatus).toEqual({
      QUEUED: { label: 'Queued', tone: 'pending' },
      RETRYING: { label: 'Retrying', tone: 'warning' },
      SENT: { label: 'Sent', tone: 'good' },
      FAILED: { label: 'Failed', tone: 'bad' },
    });
    expect((['QUEUED', 'RETRYING', 'SENT', 'FAILED', null] as const).map(isDeliveryDone)).toEqual([false, false, true, true, false]);
  });
});

describe('periodText', () => {
  it('shows the exclusive end as the last day covered, in UTC', () => {
    expect(periodText('2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).toBe('01 Nov 2026 – 30 Nov 2026');
    expect(periodText('2026-11-30T00:00:00.000Z', '2026-12-07T00:00:00.000Z')).toBe('30 Nov 2026 – 06 Dec 2026');
    expect(periodText('2026-12-06T00:00:00.000Z', '2026-12-07T00:00:00.000Z')).toBe('06 Dec 2026');
    expect(periodText('nonsense', '2026-12-07T00:00:00.000Z')).toBe('—');
  });
});

describe('toCreateDigestInput', () => {
  it('trims text and sends no filter when nothing is picked', () => {
    expect(toCreateDigestInput({ ...emptyDigestForm(), name: '  Weekly review ', target: ' a@example.com ' })).toEqual({
      name: 'Weekly review',
      schedule: 'WEEKLY',
      channel: 'EMAIL',
      target: 'a@example.com',
    });
  });

  it('sends only the picked dimensions, never from/to', () => {
    const input = toCreateDigestInput({
      ...emptyDigestForm(),
      name: 'Payments',
      schedule: 'QUARTERLY',
      channel: 'WEBHOOK',
      target: 'https://hooks.example.com/x',
      teamIds: ['1'],
      severities: ['SEV1', 'SEV2'],
    });
    expect(input).toEqual({
      name: 'Payments',
      schedule: 'QUARTERLY',
      channel: 'WEBHOOK',
      target: 'https://hooks.example.com/x',
      filter: { teamIds: ['1'], severities: ['SEV1', 'SEV2'] },
    });
  });
});

describe('validateDigestForm', () => {
  it('asks for a name and a target, in the words of the channel', () => {
    expect(validateDigestForm({ ...emptyDigestForm(), name: ' ' })).toEqual({
      name: 'Give the digest a name.',
      target: 'Enter at least one email address.',
    });
    expect(validateDigestForm({ ...emptyDigestForm(), name: 'x', channel: 'WEBHOOK' })).toEqual({ target: 'Enter the URL to post to.' });
    expect(validateDigestForm({ ...emptyDigestForm(), name: 'x', target: 'not checked here' })).toEqual({});
  });
});

describe('server errors by form field', () => {
  it('maps the API field paths to the form fields', () => {
    expect(['target', 'input.name', 'filter.teamIds', 'filter.teamIds.0', 'filter.from', 'input.filter.to'].map(toDigestFormField)).toEqual(
      ['target', 'name', 'teamIds', 'teamIds', 'filter', 'filter'],
    );
  });

  it('puts BAD_USER_INPUT next to the fields it names and anything else on the form', () => {
    const bad = new CombinedError({
      graphQLErrors: [
        new GraphQLError('target: "nope" is not an email address', { extensions: { code: 'BAD_USER_INPUT', fields: ['target'] } }),
      ],
    });
    expect(digestFieldErrors(bad)).toEqual({ target: 'target: "nope" is not an email address' });
    const forbidden = new CombinedError({ graphQLErrors: [new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } })] });
    expect(digestFieldErrors(forbidden)).toEqual({ _form: 'You do not have permission to do this.' });
    expect(digestFieldErrors(null)).toEqual({});
  });
});
