import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { badInput } from '../common/errors/domain-error';
import type { RequestContext } from '../common/graphql/context';
import { Team, toTeam } from '../teams/team.model';
import { TeamsService } from '../teams/teams.service';
import { Access, AnyScope, CurrentPrincipal, Public } from './auth.decorators';
import { ApiTokenRow } from './auth.repository';
import { AuthService, SESSION_COOKIE, sessionCookie, setupOrigin } from './auth.service';
import { CompleteSetupInput, CreateApiTokenInput, CreateUserInput, LoginArgs, UpdateUserInput } from './dto/auth.input';
import type { Principal } from './principal';
import { ApiToken, CreatedApiToken, EMAIL_DESCRIPTION, LoginResult, ScopeEnum, toUser, User, Viewer } from './user.model';

const toApiToken = (r: ApiTokenRow): ApiToken => ({
  id: String(r.id),
  name: r.name,
  scopes: r.scopes as ScopeEnum[],
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
  expiresAt: r.expires_at,
});

@Resolver(() => User)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly teamsService: TeamsService,
  ) {}

  @Public()
  @Mutation(() => LoginResult, {
    description: 'Signs in; the token works as `Authorization: Bearer <token>` and is also set as an HTTP-only cookie.',
  })
  async login(@Args() { email, password }: LoginArgs, @Context() ctx: RequestContext): Promise<LoginResult> {
    const result = await this.auth.login(email, password, ctx.req.ip ?? 'unknown');
    ctx.res.cookie(SESSION_COOKIE, result.token, sessionCookie(ctx.req, result.expiresAt));
    return { token: result.token, expiresAt: result.expiresAt, user: { ...toUser(result.user), self: true } };
  }

  @Public()
  @Query(() => Boolean, { description: 'True until the first account exists: the web app then offers first-run setup.' })
  setupRequired(): Promise<boolean> {
    return this.auth.setupRequired();
  }

  @Public()
  @Mutation(() => LoginResult, {
    description:
      'First-run setup: creates the first admin and signs in. Only while no account exists, and only from the server itself (loopback).',
  })
  async completeSetup(
    @Args('input', { description: 'The admin account.' }) input: CompleteSetupInput,
    @Context() ctx: RequestContext,
  ): Promise<LoginResult> {
    const result = await this.auth.completeSetup(input.email, input.password, setupOrigin(ctx.req));
    ctx.res.cookie(SESSION_COOKIE, result.token, sessionCookie(ctx.req, result.expiresAt));
    return { token: result.token, expiresAt: result.expiresAt, user: { ...toUser(result.user), self: true } };
  }

  @Access('READ')
  @Mutation(() => Boolean, { description: 'Ends the current session (its token stops working at once).' })
  async logout(@CurrentPrincipal() principal: Principal, @Context() ctx: RequestContext): Promise<boolean> {
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return this.auth.logout(principal);
  }

  @Access('READ')
  @Mutation(() => Boolean, {
    description:
      "Changes the caller's password (at least 12 characters); the caller's other sessions end, and with revokeApiTokens their API tokens.",
  })
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Args('currentPassword', { description: 'The password in use now.' }) currentPassword: string,
    @Args('newPassword', { description: 'The new password, 12 to 200 characters.' }) newPassword: string,
    @Args('revokeApiTokens', {
      type: () => Boolean,
      nullable: true,
      defaultValue: false,
      description: "Also revoke the caller's API tokens (e.g. when the old password may have leaked).",
    })
    revokeApiTokens: boolean,
  ): Promise<boolean> {
    if (newPassword.length < 12 || newPassword.length > 200) throw badInput('newPassword must be 12 to 200 characters long', 'newPassword');
    return this.auth.changePassword(principal, currentPassword, newPassword, revokeApiTokens ?? false);
  }

  @Query(() => Viewer, { description: 'The caller.' })
  async me(@CurrentPrincipal() principal: Principal): Promise<Viewer> {
    return { user: toUser(await this.auth.me(principal)), scopes: principal.scopes as ScopeEnum[] };
  }

  @Query(() => [User], { description: 'Every user (to pick owners of action items); viewers see only their own email.' })
  async users(): Promise<User[]> {
    return (await this.auth.listUsers()).map(toUser);
  }

  /** Everywhere a user appears (users, owners, sign-in results), viewers see other users' names, not their emails. */
  @ResolveField(() => String, { nullable: true, description: EMAIL_DESCRIPTION })
  email(@Parent() user: User, @Context() ctx: RequestContext): string | null {
    const p = ctx.principal;
    const visible = user.self || (p !== null && (p.role !== 'VIEWER' || String(p.userId) === user.id));
    return visible ? user.email : null;
  }

  @ResolveField(() => [Team], { description: 'Teams the user belongs to.' })
  async teams(@Parent() user: User, @Context() ctx: RequestContext): Promise<Team[]> {
    const rows = await Promise.all(user.teamIds.map((id) => this.teamsService.load(ctx.loaders, id)));
    return rows.filter((t) => t !== null).map(toTeam);
  }

  @Access('ADMIN', 'ADMIN')
  @Mutation(() => User, { description: 'Creates a user (admins).' })
  async createUser(
    @CurrentPrincipal() p: Principal,
    @Args('input', { description: 'What to create or change; invalid fields are refused with BAD_USER_INPUT naming them.' })
    input: CreateUserInput,
  ): Promise<User> {
    return toUser(await this.auth.createUser(p, input));
  }

  @Access('ADMIN', 'ADMIN')
  @Mutation(() => User, {
    description:
      'Changes a user (admins): email, name, role, teams, disabled, password. CONFLICT when expectedVersion is stale; at least one enabled admin remains.',
  })
  async updateUser(
    @CurrentPrincipal() p: Principal,
    @Args('id', { description: 'Id of the object to act on.', type: () => ID }) id: string,
    @Args('input', { description: 'What to create or change; invalid fields are refused with BAD_USER_INPUT naming them.' })
    input: UpdateUserInput,
  ): Promise<User> {
    return toUser(await this.auth.updateUser(p, Number(id), input));
  }

  @Query(() => [ApiToken], { description: 'API tokens: all for admins (a session or an ADMIN-scoped token), your own otherwise.' })
  async apiTokens(@CurrentPrincipal() p: Principal): Promise<ApiToken[]> {
    return (await this.auth.apiTokens(p)).map(toApiToken);
  }

  // the service checks the scopes: a token hands on only scopes it holds, never a later expiry
  @AnyScope()
  @Mutation(() => CreatedApiToken, {
    description:
      'Makes an API token acting as you, narrowed to its scopes (only scopes you hold: FORBIDDEN otherwise). The secret is shown once.',
  })
  async createApiToken(
    @CurrentPrincipal() p: Principal,
    @Args('input', { description: 'What to create or change; invalid fields are refused with BAD_USER_INPUT naming them.' })
    input: CreateApiTokenInput,
  ): Promise<CreatedApiToken> {
    const { token, row } = await this.auth.createApiToken(p, input);
    return { token, apiToken: toApiToken(row) };
  }

  @AnyScope()
  @Mutation(() => ApiToken, {
    description: "Revokes an API token; it stops working at once. Other users' tokens: admins only (a session or an ADMIN-scoped token).",
  })
  async revokeApiToken(
    @CurrentPrincipal() p: Principal,
    @Args('id', { description: 'Id of the object to act on.', type: () => ID }) id: string,
  ): Promise<ApiToken> {
    return toApiToken(await this.auth.revokeApiToken(p, Number(id)));
  }
}
