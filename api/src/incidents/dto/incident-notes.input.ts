import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { IsId, IsNotBlank } from '../../common/graphql/validators';
import { RedundancyOutcome } from '../incident.enums';

@InputType({ description: 'A note on the incident timeline.' })
export class AddTimelineEventInput {
  @Field(() => ID, { description: 'The incident.' })
  @IsId()
  incidentId: string;

  @Field(() => GraphQLISODateTime, { description: 'When it happened (ISO 8601 with offset).' })
  @IsDate()
  at: Date;

  @Field({ description: 'What happened, 1–5,000 characters.' })
  @IsString()
  @Length(1, 5000)
  @IsNotBlank()
  message: string;

  @Field({ nullable: true, defaultValue: 'NOTE', description: 'Kind, e.g. NOTE, DETECTION, ESCALATION, MITIGATION, UPDATE.' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  kind: string;
}

@InputType({ description: 'How one redundancy mechanism behaved in an incident.' })
export class AssessRedundancyInput {
  @Field(() => ID, { description: 'The incident.' })
  @IsId()
  incidentId: string;

  @Field(() => ID, { description: 'The mechanism.' })
  @IsId()
  mechanismId: string;

  @Field(() => RedundancyOutcome, { nullable: true, description: 'The outcome; null removes the assessment.' })
  @IsOptional()
  @IsEnum(RedundancyOutcome)
  outcome: RedundancyOutcome | null;

  @Field(() => String, { nullable: true, description: 'Notes, up to 5,000 characters.' })
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  notes?: string | null;
}
