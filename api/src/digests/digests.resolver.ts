import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, CurrentPrincipal } from '../auth/auth.decorators';
import { AuthService } from '../auth/auth.service';
import type { Principal } from '../auth/principal';
import { toUser, User } from '../auth/user.model';
import type { RequestContext } from '../common/graphql/context';
import { CreateDigestInput } from './dto/digest.input';
import { Digest, DigestDelivery, toDelivery, toDigest } from './digest.model';
import { DigestsService } from './digests.service';

const ID_ARG = { description: 'Id of the digest.', type: () => ID };

/** Digests (SPEC §6): admins only, through a session or an ADMIN-scoped API token. */
@Resolver(() => Digest)
export class DigestsResolver {
  constructor(
    private readonly service: DigestsService,
    private readonly auth: AuthService,
  ) {}

  @Access('ADMIN', 'ADMIN')
  @Query(() => [Digest], { description: 'Every digest, by name (admins).' })
  async digests(): Promise<Digest[]> {
    return (await this.service.list()).map(toDigest);
  }

  @Access('ADMIN', 'ADMIN')
  @Mutation(() => Digest, {
    description:
      'Creates a digest (admins): its metrics are read as the admin who creates it. BAD_USER_INPUT names the field at fault (target for an address or URL that does not fit the channel).',
  })
  async createDigest(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The digest.' }) input: CreateDigestInput,
  ): Promise<Digest> {
    return toDigest(await this.service.create(principal, input));
  }

  @Access('ADMIN', 'ADMIN')
  @Mutation(() => Boolean, { description: 'Deletes a digest and its deliveries (admins); a queued delivery is not sent. Returns true.' })
  async deleteDigest(@CurrentPrincipal() principal: Principal, @Args('id', ID_ARG) id: string): Promise<boolean> {
    return this.service.delete(principal, Number(id));
  }

  @Access('ADMIN', 'ADMIN')
  @Mutation(() => DigestDelivery, {
    description:
      'Sends a digest now (admins), for the last complete period: returns the queued delivery (poll the digest’s lastDelivery). Audited (digest.send).',
  })
  async sendDigest(@CurrentPrincipal() principal: Principal, @Args('id', ID_ARG) id: string): Promise<DigestDelivery> {
    return toDelivery(await this.service.send(principal, Number(id)));
  }

  @ResolveField(() => User, { nullable: true, description: 'The admin who created it (its metrics are read as them); null when deleted.' })
  async createdBy(@Parent() d: Digest, @Context() ctx: RequestContext): Promise<User | null> {
    const row = await this.auth.loadUser(ctx.loaders, d.createdById);
    return row ? toUser(row) : null;
  }

  @ResolveField(() => DigestDelivery, { nullable: true, description: 'Its newest delivery; null before the first.' })
  async lastDelivery(@Parent() d: Digest, @Context() ctx: RequestContext): Promise<DigestDelivery | null> {
    const row = await this.service.lastDelivery(ctx.loaders, Number(d.id));
    return row ? toDelivery(row) : null;
  }

  @ResolveField(() => [DigestDelivery], { description: 'Its deliveries, newest first.' })
  async deliveries(
    @Parent() d: Digest,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20, description: 'How many, 0–100 (default 20).' }) first: number,
  ): Promise<DigestDelivery[]> {
    return (await this.service.deliveries(Number(d.id), first)).map(toDelivery);
  }
}

@Resolver(() => DigestDelivery)
export class DigestDeliveryResolver {
  constructor(private readonly service: DigestsService) {}

  @ResolveField(() => Digest, { description: 'The digest it delivers.' })
  async digest(@Parent() d: DigestDelivery): Promise<Digest> {
    return toDigest(await this.service.get(d.digestId));
  }
}
