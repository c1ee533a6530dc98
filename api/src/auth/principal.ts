export type Role = 'VIEWER' | 'RESPONDER' | 'ADMIN';
export type Scope = 'READ' | 'WRITE' | 'IMPORT' | 'ADMIN';
export const ALL_SCOPES: Scope[] = ['READ', 'WRITE', 'IMPORT', 'ADMIN'];

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
