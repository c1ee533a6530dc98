import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsDate,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  MinDate,
} from 'class-validator';
import { IsId } from '../../common/graphql/validators';
import { RoleEnum, ScopeEnum } from '../user.model';

@InputType({ description: 'A new user.' })
export class CreateUserInput {
  @Field({ description: 'Sign-in email.' })
  @IsEmail({}, { message: 'email must be an email address' })
  @Length(3, 254)
  email: string;

  @Field({ description: 'Password, at least 12 characters.' })
  @IsString()
  @Length(12, 200, { message: 'password must be 12 to 200 characters long' })
  password: string;

  @Field(() => RoleEnum, { description: 'Role.' })
  @IsEnum(RoleEnum)
  role: RoleEnum;

  @Field(() => [ID], { nullable: true, defaultValue: [], description: 'Teams the user belongs to.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsId({ each: true })
  teamIds: string[];

  @Field(() => String, { nullable: true, description: 'Display name.' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  name?: string | null;
}

@InputType({
  description:
    'Changes to a user (admins); omitted fields stay. Refused with CONFLICT when expectedVersion is stale. Disabling a user, or setting a new password, ends their sessions; disabling also revokes their API tokens.',
})
export class UpdateUserInput {
  @Field(() => Int, { description: 'The version you read; the update is refused with CONFLICT when the user changed since.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true, description: 'Sign-in email, unique (case-insensitive).' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @Length(3, 254)
  email?: string;

  @Field(() => String, { nullable: true, description: 'Display name; null clears it.' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  name?: string | null;

  @Field(() => RoleEnum, { nullable: true, description: 'Role. At least one enabled admin always remains.' })
  @IsOptional()
  @IsEnum(RoleEnum)
  role?: RoleEnum;

  @Field(() => [ID], { nullable: true, description: 'Teams the user belongs to (replaces the list).' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsId({ each: true })
  teamIds?: string[];

  @Field({ nullable: true, description: 'A disabled user cannot sign in, and their sessions and API tokens stop working.' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @Field({ nullable: true, description: 'A new password (12 to 200 characters), set by an admin; the user’s sessions end.' })
  @IsOptional()
  @IsString()
  @Length(12, 200, { message: 'password must be 12 to 200 characters long' })
  password?: string;

  @Field({
    nullable: true,
    defaultValue: false,
    description: "Also revoke the user's API tokens (offered with a password reset: a leaked credential stops working in every form).",
  })
  @IsOptional()
  @IsBoolean()
  revokeApiTokens?: boolean;
}

@InputType({ description: 'A new API token acting as the calling user, narrowed by its scopes.' })
export class CreateApiTokenInput {
  @Field({ description: 'Name, 1–100 characters; the audit log shows it as the actor.' })
  @IsString()
  @Length(1, 100)
  name: string;

  @Field(() => [ScopeEnum], { description: 'What the token may do.' })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(ScopeEnum, { each: true })
  scopes: ScopeEnum[];

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When the token stops working; in the future. Omitted: until revoked (a token made by a token that expires gets at most that expiry).',
  })
  @IsOptional()
  @IsDate({ message: 'expiresAt must be a date and time' })
  @MinDate(() => new Date(), { message: 'expiresAt must be in the future' })
  expiresAt?: Date | null;
}

/** Sign-in arguments, bounded so that no size or character reaches the database unchecked. */
@ArgsType()
export class LoginArgs {
  @Field({ description: 'Sign-in email (at most 320 characters).' })
  @IsString()
  @MaxLength(320, { message: 'email must be at most 320 characters long' })
  // eslint-disable-next-line no-control-regex
  @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'email must not contain control characters' })
  email: string;

  @Field({ description: 'Password (at most 200 characters).' })
  @IsString()
  @MaxLength(200, { message: 'password must be at most 200 characters long' })
  password: string;
}

@InputType({ description: 'The first admin account, made in first-run setup.' })
export class CompleteSetupInput {
  @Field({ description: 'Sign-in email.' })
  @IsEmail({}, { message: 'email must be an email address' })
  @Length(3, 254)
  email: string;

  @Field({ description: 'Password, at least 12 characters.' })
  @IsString()
  @Length(12, 200, { message: 'password must be 12 to 200 characters long' })
  password: string;
}
