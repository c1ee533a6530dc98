import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'How users can sign in besides email and password, for the sign-in page.' })
export class AuthProviders {
  @Field({ description: 'Whether single sign-on through OpenID Connect is configured.' })
  oidc: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Where the browser navigates (a full page load, not a fetch) to start single sign-on; null when it is off.',
  })
  loginUrl: string | null;
}
