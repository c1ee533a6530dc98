export type Role = 'VIEWER' | 'RESPONDER' | 'ADMIN';
export type Scope = 'READ' | 'WRITE' | 'IMPORT' | 'ADMIN';
export const ALL_SCOPES: Scope[] = ['READ', 'WRITE', 'IMPORT', 'ADMIN'];

/** The scopes a role can use at all: a token may be given only scopes its maker's role has. */
export const ROLE_SCOPES: Record<Role, Scope[]> = {
  VIEWER: ['READ'],
  RESPONDER: ['READ', 'WRITE', 'IMPORT'],
  ADMIN: ALL_SCOPES,
};

/** Who is asking: a signed-in user, or an API token acting as the user who made it. */
export interface Principal {
  userId: number;
  email: string;
  role: Role;
  teamIds: number[];
  /** What this credential may do; a session has every scope, a token only those it was given. */
  scopes: Scope[];
  sessionId?: number;
  tokenId?: number;
  /** When the API token in use expires (absent for sessions and tokens without expiry). */
  tokenExpiresAt?: Date;
  /** The audit log's actor: the user's email, or the token's name. */
  actor: string;
}

/** The system itself (first start, seeding, command-line tasks run by an operator). */
export const SYSTEM: Principal = {
  userId: 0,
  email: 'system',
  role: 'ADMIN',
  teamIds: [],
  scopes: ALL_SCOPES,
  actor: 'system',
};

/** What a credential can hand on to a new token: its own scopes, within what the user's role has. */
export function heldScopes(principal: Principal): Scope[] {
  return principal.scopes.filter((s) => ROLE_SCOPES[principal.role].includes(s));
}

/** Other users' API tokens are managed by admins only, through a session or an ADMIN-scoped token. */
export function managesAllTokens(principal: Principal): boolean {
  return principal.role === 'ADMIN' && principal.scopes.includes('ADMIN');
}
