import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '../common/errors/domain-error';
import type { RequestContext } from '../common/graphql/context';
import { ACCESS_KEY, AccessRule, PUBLIC_KEY } from './auth.decorators';
import { AuthService } from './auth.service';
import type { Principal } from './principal';

const DEFAULT_QUERY: AccessRule = { scope: 'READ' };
const DEFAULT_MUTATION: AccessRule = { scope: 'WRITE', roles: ['RESPONDER', 'ADMIN'] };

/**
 * The one authorization gate for GraphQL and HTTP: anonymous callers reach only @Public()
 * operations; everything else needs a principal with the operation's scope and role.
 * Per-record rules (teams, private incidents) live in access/incident-access.ts.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const principal = await this.principalOf(context);
    if (!principal) throw new DomainError('UNAUTHENTICATED', 'Sign in, or send an API token as Authorization: Bearer <token>');
    const rule =
      this.reflector.getAllAndOverride<AccessRule>(ACCESS_KEY, targets) ?? (this.isMutation(context) ? DEFAULT_MUTATION : DEFAULT_QUERY);
    if (rule.scope && !principal.scopes.includes(rule.scope)) {
      throw new DomainError('FORBIDDEN', `This credential lacks the ${rule.scope} scope`);
    }
    if (rule.roles?.length && !rule.roles.includes(principal.role)) {
      throw new DomainError('FORBIDDEN', `This needs the role ${rule.roles.join(' or ')}`);
    }
    return true;
  }

  private async principalOf(context: ExecutionContext): Promise<Principal | null> {
    if (context.getType<string>() === 'graphql') {
      const ctx = GqlExecutionContext.create(context).getContext<RequestContext>();
      if (ctx.authError) throw ctx.authError;
      return ctx.principal;
    }
    const req = context.switchToHttp().getRequest();
    if (req.principal === undefined) req.principal = await this.auth.authenticate(req);
    // The session cookie is sent by browsers on cross-site requests too: a state-changing REST call
    // authenticated only by the cookie must carry a header no cross-site form can set.
    // (GraphQL has the same protection from Apollo's CSRF prevention.)
    if (req.principal && !req.headers.authorization && !['GET', 'HEAD'].includes(req.method) && !req.headers['x-hindsight-csrf']) {
      throw new DomainError('FORBIDDEN', 'Cookie-authenticated requests that change data need the header x-hindsight-csrf: 1');
    }
    return req.principal;
  }

  private isMutation(context: ExecutionContext): boolean {
    if (context.getType<string>() === 'graphql') {
      return GqlExecutionContext.create(context).getInfo().parentType.name === 'Mutation';
    }
    return context.switchToHttp().getRequest().method !== 'GET';
  }
}
