import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsNotBlank } from '../../common/graphql/validators';

@InputType({ description: 'A new redundancy mechanism.' })
export class CreateRedundancyMechanismInput {
  @Field({ description: 'Unique name, 1–100 characters.' })
  @IsString()
  @Length(1, 100)
  @IsNotBlank()
  name: string;

  @Field(() => String, { nullable: true, description: 'What it is.' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string | null;
}
