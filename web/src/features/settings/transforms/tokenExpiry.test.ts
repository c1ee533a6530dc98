import { describe, expect, it } from 'vitest';
import { scopesForRole, toTokenExpiry } from './tokenExpiry';

describe('toTokenExpiry', () => {
  const now = new Date('2026-03-01T12:00:00.000Z');
  it('is null for a token that lasts until revoked', () => expect(toTokenExpiry('never', now)).toBeNull());
  it.each([
    ['30', '2026-03-31T12:00:00.000Z'],
    ['90', '2026-05-30T12:00:00.000Z'],
    ['365', '2027-03-01T12:00:00.000Z'],
  ] as const)('%s days from now', (choice, expected) => expect(toTokenExpiry(choice, now)).toBe(expected));
});

describe('scopesForRole', () => {
  it('offers viewers only READ and only admins ADMIN', () => {
    expect(scopesForRole.VIEWER).toEqual(['READ']);
    expect(scopesForRole.RESPONDER).not.toContain('ADMIN');
    expect(scopesForRole.ADMIN).toContain('ADMIN');
  });
});
