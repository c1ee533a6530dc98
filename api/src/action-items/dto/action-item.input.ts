import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsISO8601, IsOptional, IsString, Length, Min } from 'class-validator';
import { IsId, IsNotBlank } from '../../common/graphql/validators';
import { ActionItemStatus, ActionItemType } from '../action-item.model';

@InputType({ description: 'New prevention or follow-up work on an incident.' })
export class CreateActionItemInput {
  @Field(() => ID, { description: 'The incident it follows from.' })
  @IsId()
  incidentId: string;

  @Field({ description: 'What is to be done, 1–500 characters.' })
  @IsString()
  @Length(1, 500)
  @IsNotBlank()
  title: string;

  @Field(() => ActionItemType, { nullable: true, defaultValue: ActionItemType.PREVENT, description: 'Kind of work.' })
  @IsOptional()
  @IsEnum(ActionItemType)
  type: ActionItemType;

  @Field(() => ID, { nullable: true, description: 'Owner (a user).' })
  @IsOptional()
  @IsId()
  ownerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Due date, YYYY-MM-DD.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'dueDate must be a date as YYYY-MM-DD' })
  @Length(10, 10, { message: 'dueDate must be a date as YYYY-MM-DD' })
  dueDate?: string | null;

  @Field(() => ID, { nullable: true, description: 'The root cause it addresses.' })
  @IsOptional()
  @IsId()
  causeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The redundancy mechanism whose gap it closes.' })
  @IsOptional()
  @IsId()
  mechanismId?: string | null;
}

@InputType({ description: 'Changes to an action item; omitted fields stay. CONFLICT when expectedVersion is stale.' })
export class UpdateActionItemInput {
  @Field(() => Int, { description: 'The version you read.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true, description: 'What is to be done.' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  @IsNotBlank()
  title?: string;

  @Field(() => ActionItemType, { nullable: true, description: 'Kind of work.' })
  @IsOptional()
  @IsEnum(ActionItemType)
  type?: ActionItemType;

  @Field(() => ActionItemStatus, { nullable: true, description: 'Progress; DONE or WONT_DO sets completedAt.' })
  @IsOptional()
  @IsEnum(ActionItemStatus)
  status?: ActionItemStatus;

  @Field(() => ID, { nullable: true, description: 'Owner (null clears).' })
  @IsOptional()
  @IsId()
  ownerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Due date, YYYY-MM-DD (null clears).' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'dueDate must be a date as YYYY-MM-DD' })
  @Length(10, 10, { message: 'dueDate must be a date as YYYY-MM-DD' })
  dueDate?: string | null;

  @Field(() => ID, { nullable: true, description: 'Root cause addressed (null clears).' })
  @IsOptional()
  @IsId()
  causeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Redundancy gap closed (null clears).' })
  @IsOptional()
  @IsId()
  mechanismId?: string | null;
}
