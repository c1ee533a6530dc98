import type { Role, UpdateUserInput } from '../../../gql/graphql';

export interface UserSnapshot {
  /** Admins always see it; null only where the caller may not. */
  email: string | null;
  name?: string | null;
  role: Role;
  disabled: boolean;
  version: number;
  teams: readonly { id: string }[];
}

export interface UserForm {
  email: string;
  name: string;
  role: Role;
  teamIds: readonly string[];
  disabled: boolean;
  password: string;
  /** With a new password: also revoke the user's API tokens. */
  revokeApiTokens: boolean;
}

/**
 * The updateUser input for an edit: `expectedVersion` plus only the fields the admin changed, so a field
 * nobody touched is never written back (and a blank name clears it).
 */
export function toUserUpdate(user: UserSnapshot, form: UserForm): UpdateUserInput {
  const sorted = (ids: readonly string[]) => [...ids].sort().join(',');
  const input: UpdateUserInput = { expectedVersion: user.version };
  if (form.email.trim() !== (user.email ?? '')) input.email = form.email.trim();
  if (form.name.trim() !== (user.name ?? '')) input.name = form.name.trim() || null;
  if (form.role !== user.role) input.role = form.role;
  if (sorted(form.teamIds) !== sorted(user.teams.map((t) => t.id))) input.teamIds = [...form.teamIds];
  if (form.disabled !== user.disabled) input.disabled = form.disabled;
  if (form.password) input.password = form.password;
  if (form.password && form.revokeApiTokens) input.revokeApiTokens = true;
  return input;
}

export const toUserForm = (u: UserSnapshot): UserForm => ({
  email: u.email ?? '',
  name: u.name ?? '',
  role: u.role,
  teamIds: u.teams.map((t) => t.id),
  disabled: u.disabled,
  password: '',
  revokeApiTokens: false,
});

/**
 * After a CONFLICT: the form moved onto the latest version of the user. Fields the admin changed keep the
 * admin's value; every other field takes the value another admin saved meanwhile.
 */
export function rebaseUserForm(opened: UserSnapshot, latest: UserSnapshot, form: UserForm): UserForm {
  const mine = toUserUpdate(opened, form);
  const next = toUserForm(latest);
  return {
    email: mine.email ?? next.email,
    name: mine.name !== undefined ? (mine.name ?? '') : next.name,
    role: mine.role ?? next.role,
    teamIds: mine.teamIds ? mine.teamIds.map(String) : next.teamIds,
    disabled: mine.disabled ?? next.disabled,
    password: form.password,
    revokeApiTokens: form.revokeApiTokens,
  };
}
