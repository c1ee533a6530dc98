import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';

@InputType({ description: 'A new team.' })
export class CreateTeamInput {
  @Field({ description: 'Unique name, 1–100 characters.' })
  @IsString()
  @Length(1, 100)
  name: string;
}
