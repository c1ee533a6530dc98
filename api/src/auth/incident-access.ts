import { forbidden } from '../common/errors/domain-error';
import type { Principal } from './principal';

/**
 * Who may see and change which incident — the per-record half of authorization (the AuthGuard
 * checks scopes and roles). Every list, lookup, metric, export and report that reads incidents
 * adds `visibleIncidentsSql`, so a private incident is invisible outside its team and admins.
 */
export function visibleIncidentsSql(principal: Principal, alias: string, params: unknown[]): string {
  if (principal.role === 'ADMIN') return 'true';
  params.push(principal.teamIds);
  return `(NOT ${alias}.private OR ${alias}.team_id = ANY($${params.length}::int[]))`;
}

export function canSeeIncident(principal: Principal, incident: { private: boolean; team_id: number }): boolean {
  return principal.role === 'ADMIN' || !incident.private || principal.teamIds.includes(incident.team_id);
}

/** Responders write only their teams' incidents; admins write all; viewers none. */
export function assertCanWriteTeam(principal: Principal, teamId: number): void {
  if (principal.role === 'ADMIN') return;
  if (principal.role === 'RESPONDER' && principal.teamIds.includes(teamId)) return;
  throw forbidden(
    principal.role === 'VIEWER' ? 'Viewers cannot change incidents' : "Responders can change only their own teams' incidents",
  );
}
