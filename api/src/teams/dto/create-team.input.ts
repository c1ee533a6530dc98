import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsString, Length, Min } from 'class-validator';
import { IsNotBlank } from '../../common/graphql/validators';

@InputType({ description: 'A new team.' })
export class CreateTeamInput {
  @Field({ description: 'Unique name, 1–100 characters.' })
  @IsString()
  @Length(1, 100)
  @IsNotBlank()
  name: string;
}

@InputType({ description: 'A team rename (admins). Refused with CONFLICT when expectedVersion is stale or the name is taken.' })
export class UpdateTeamInput {
  @Field(() => Int, { description: 'The version you read; the update is refused with CONFLICT when the team changed since.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ description: 'Unique name, 1–100 characters.' })
  @IsString()
  @Length(1, 100)
  @IsNotBlank()
  name: string;
}
