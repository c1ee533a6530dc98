import { Field, Float, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsId, IsNotBlank } from '../../common/graphql/validators';
import { DetectionSource, IncidentKind, PostmortemState, Severity } from '../incident.enums';

/** The fields an incident's create and update share; every one validated. */
@InputType({ isAbstract: true })
abstract class IncidentFields {
  @Field(() => String, { nullable: true, description: 'What happened, in prose (up to 20,000 characters).' })
  @IsOptional()
  @IsString()
  @Length(0, 20000)
  summary?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Detected (ISO 8601 with offset).' })
  @IsOptional()
  @IsDate()
  detectedAt?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Acknowledged by a responder.' })
  @IsOptional()
  @IsDate()
  acknowledgedAt?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Impact stopped for users.' })
  @IsOptional()
  @IsDate()
  mitigatedAt?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Incident closed; absent while ongoing.' })
  @IsOptional()
  @IsDate()
  resolvedAt?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Visible only to the owning team and admins.' })
  @IsOptional()
  @IsBoolean()
  private?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Primary cause: a category or a cause of the taxonomy (null clears it).' })
  @IsOptional()
  @IsId()
  primaryCauseId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Contributing factors (the full set).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsId({ each: true })
  contributingCauseIds?: string[] | null;

  @Field(() => IncidentKind, { nullable: true, description: 'INCIDENT (default) or NEAR_MISS.' })
  @IsOptional()
  @IsEnum(IncidentKind)
  kind?: IncidentKind | null;

  @Field(() => Boolean, { nullable: true, description: 'Keep out of every metric (game days, tests).' })
  @IsOptional()
  @IsBoolean()
  excludeFromMetrics?: boolean | null;

  @Field(() => PostmortemState, { nullable: true, description: 'Post-mortem state.' })
  @IsOptional()
  @IsEnum(PostmortemState)
  postmortemState?: PostmortemState | null;

  @Field(() => [String], { nullable: true, description: 'Affected regions.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  regions?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Customer impact in words.' })
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  customerImpact?: string | null;

  @Field(() => Float, { nullable: true, description: 'Share of users affected, percent 0–100.' })
  @IsOptional()
  @Min(0)
  @Max(100)
  affectedUsersPercent?: number | null;

  @Field(() => DetectionSource, { nullable: true, description: 'How it was first noticed.' })
  @IsOptional()
  @IsEnum(DetectionSource)
  detectionSource?: DetectionSource | null;
}

@InputType({
  description: 'A new incident. Present phase timestamps must be ordered started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved.',
})
export class CreateIncidentInput extends IncidentFields {
  @Field({ description: 'Short title, 1–300 characters.' })
  @IsString()
  @Length(1, 300)
  @IsNotBlank()
  title: string;

  @Field(() => Severity, { description: 'Severity.' })
  @IsEnum(Severity)
  severity: Severity;

  @Field(() => [ID], { description: 'Affected services (one or more).' })
  @ArrayMinSize(1, { message: 'serviceIds must name at least one service' })
  @ArrayMaxSize(50)
  @IsId({ each: true })
  serviceIds: string[];

  @Field(() => ID, { description: 'Owning team.' })
  @IsId()
  teamId: string;

  @Field(() => GraphQLISODateTime, { description: 'Impact began (ISO 8601 with offset).' })
  @IsDate()
  startedAt: Date;
}

@InputType({
  description:
    'Changes to an incident; omitted fields stay, an explicit null clears a nullable field. Refused with CONFLICT when expectedVersion is stale.',
})
export class UpdateIncidentInput extends IncidentFields {
  @Field(() => Int, { description: 'The version you read; the update is refused with CONFLICT when the incident changed since.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true, description: 'Short title.' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  @IsNotBlank()
  title?: string;

  @Field(() => Severity, { nullable: true, description: 'Severity.' })
  @IsOptional()
  @IsEnum(Severity)
  severity?: Severity;

  @Field(() => [ID], { nullable: true, description: 'Affected services (the full set, one or more).' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'serviceIds must name at least one service' })
  @ArrayMaxSize(50)
  @IsId({ each: true })
  serviceIds?: string[];

  @Field(() => ID, { nullable: true, description: 'Owning team.' })
  @IsOptional()
  @IsId()
  teamId?: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Impact began.' })
  @IsOptional()
  @IsDate()
  startedAt?: Date;
}
