import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Principal, Role, Scope } from './principal';

export const PUBLIC_KEY = 'hindsight:public';
export const ACCESS_KEY = 'hindsight:access';

export interface AccessRule {
  /** null: any credential passes the gate, and the service decides by its scopes (e.g. what a token may hand on). */
  scope: Scope | null;
  roles?: Role[];
}

/** Open to anonymous callers (login, health). Everything else needs a principal. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * What an operation needs: the credential's scope and, optionally, the user's role.
 * Without it, queries need READ and mutations need WRITE with a RESPONDER or ADMIN role.
 */
export const Access = (scope: Scope, ...roles: Role[]) => SetMetadata(ACCESS_KEY, { scope, roles } satisfies AccessRule);

/** Any signed-in caller, whatever the credential's scopes; the service checks them itself. */
export const AnyScope = () => SetMetadata(ACCESS_KEY, { scope: null } satisfies AccessRule);

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().principal;
  return context.switchToHttp().getRequest().principal;
});
