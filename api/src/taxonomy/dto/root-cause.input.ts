import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsId, IsNotBlank } from '../../common/graphql/validators';

@InputType({ description: 'A new taxonomy node: a category without parentId, a cause with one.' })
export class CreateRootCauseInput {
  @Field({ description: 'Name, 1–100 characters, unique within its parent.' })
  @IsString()
  @Length(1, 100)
  @IsNotBlank()
  name: string;

  @Field(() => ID, { nullable: true, description: 'The category this cause belongs to.' })
  @IsOptional()
  @IsId()
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'What belongs here.' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string | null;
}

@InputType({ description: 'Renames or re-describes a node; its tags keep pointing at it.' })
export class UpdateRootCauseInput {
  @Field({ nullable: true, description: 'New name.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @IsNotBlank()
  name?: string;

  @Field(() => String, { nullable: true, description: 'New description.' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string | null;
}
