import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '../auth.decorators';
import { AuthProviders } from './auth-providers.model';
import { OidcService } from './oidc.service';

@Resolver(() => AuthProviders)
export class OidcResolver {
  constructor(private readonly oidc: OidcService) {}

  @Public()
  @Query(() => AuthProviders, { description: 'Ways to sign in, for the sign-in page (answered without signing in).' })
  authProviders(): AuthProviders {
    return this.oidc.providers();
  }
}
