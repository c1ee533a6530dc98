import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEmail, IsEnum, IsOptional, IsString, Length } from 'class-validator';
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
