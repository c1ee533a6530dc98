import { hasRole } from '../../../app/auth/RequireRole';
import type { SessionUser } from '../../../app/auth/sessionStore';

/**
 * Whether the signed-in user may change an incident (the API enforces the same): admins, and
 * responders of its owning team. Everyone else reads it as a write-up.
 */
export function mayEditIncident(user: SessionUser | undefined, teamId: string): boolean {
  return hasRole(user, 'ADMIN') || (hasRole(user, 'RESPONDER') && !!user?.teams.some((t) => t.id === teamId));
}
