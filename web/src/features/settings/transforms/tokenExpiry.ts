import type { ApiTokenScope, Role } from '../../../gql/graphql';

export type TokenExpiryChoice = 'never' | '30' | '90' | '365';

export const tokenExpiryChoices: { value: TokenExpiryChoice; label: string }[] = [
  { value: 'never', label: 'Never (until revoked)' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '365 days' },
];

/** The `expiresAt` sent for a choice: that many days from `now`, or null for a token that lasts until revoked. */
export function toTokenExpiry(choice: TokenExpiryChoice, now: Date): string | null {
  if (choice === 'never') return null;
  return new Date(now.getTime() + Number(choice) * 86_400_000).toISOString();
}

/** The scopes a role can give a token (the API refuses others with FORBIDDEN). */
export const scopesForRole: Record<Role, readonly ApiTokenScope[]> = {
  VIEWER: ['READ'],
  RESPONDER: ['READ', 'WRITE', 'IMPORT'],
  ADMIN: ['READ', 'WRITE', 'IMPORT', 'ADMIN'],
};
