import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { UserRow } from './auth.repository';

export enum RoleEnum {
  VIEWER = 'VIEWER',
  RESPONDER = 'RESPONDER',
  ADMIN = 'ADMIN',
}
export enum ScopeEnum {
  READ = 'READ',
  WRITE = 'WRITE',
  IMPORT = 'IMPORT',
  ADMIN = 'ADMIN',
}
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'VIEWER reads; RESPONDER also edits incidents of their teams; ADMIN manages everything.',
});
registerEnumType(ScopeEnum, {
  name: 'ApiTokenScope',
  description: 'What an API token may do: READ (queries), WRITE (incident edits), IMPORT (imports), ADMIN (administration).',
});

export const EMAIL_DESCRIPTION =
  'Sign-in email, unique (case-insensitive). Shown to admins, responders and the user themselves; null for other users when a viewer asks.';

@ObjectType({ description: 'A person who signs in.' })
export class User {
  @Field(() => ID, { description: 'User id.' })
  id: string;

  /** The stored email; what a caller sees is decided by AuthResolver.email. */
  @Field(() => String, { nullable: true, description: EMAIL_DESCRIPTION })
  email: string;

  @Field(() => String, { nullable: true, description: 'Display name.' })
  name: string | null;

  @Field(() => RoleEnum, { description: 'Role: what the user may do.' })
  role: RoleEnum;

  @Field({ description: 'A disabled user cannot sign in; their sessions and API tokens no longer work.' })
  disabled: boolean;

  @Field(() => Int, { description: 'Incremented by every change; pass it as expectedVersion to updateUser.' })
  version: number;

  teamIds: number[];
  /** The caller is this user (set where the resolver knows it, e.g. the result of signing in). */
  self?: boolean;
}

export const toUser = (r: UserRow): User => ({
  id: String(r.id),
  email: r.email,
  name: r.name,
  role: r.role as RoleEnum,
  disabled: r.disabled,
  version: r.version,
  teamIds: r.team_ids ?? [],
});

@ObjectType({ description: 'A signed-in session.' })
export class LoginResult {
  @Field({ description: 'Bearer token: send it as `Authorization: Bearer <token>`.' })
  token: string;

  @Field(() => GraphQLISODateTime, { description: 'When the session expires.' })
  expiresAt: Date;

  @Field(() => User, { description: 'Who signed in.' })
  user: User;
}

@ObjectType({ description: 'The caller: the signed-in user and what the credential may do.' })
export class Viewer {
  @Field(() => User, { description: 'The user (for an API token, the user who made it).' })
  user: User;

  @Field(() => [ScopeEnum], { description: 'Scopes of the credential in use.' })
  scopes: ScopeEnum[];
}

@ObjectType({ description: 'An API token for automation; its secret is shown only once.' })
export class ApiToken {
  @Field(() => ID, { description: 'Token id.' })
  id: string;

  @Field({ description: 'Name, shown as the actor in the audit log.' })
  name: string;

  @Field(() => [ScopeEnum], { description: 'What the token may do.' })
  scopes: ScopeEnum[];

  @Field(() => GraphQLISODateTime, { description: 'When it was made.' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was last used (to the minute).' })
  lastUsedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was revoked; revoked tokens no longer work.' })
  revokedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it stops working; null: until revoked.' })
  expiresAt: Date | null;
}

@ObjectType({ description: 'A new API token with its secret.' })
export class CreatedApiToken {
  @Field({ description: 'The secret, shown this once; only its hash is stored.' })
  token: string;

  @Field(() => ApiToken, { description: 'The token record.' })
  apiToken: ApiToken;
}
