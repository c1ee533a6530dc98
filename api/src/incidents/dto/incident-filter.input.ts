import { Field, Float, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsDate, IsEnum, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsId } from '../../common/graphql/validators';
import { DetectionSource, IncidentKind, IncidentStatus, Severity } from '../incident.enums';

@InputType({ description: 'Selects incidents; every given condition must hold. Period: startedAt in [from, to).' })
export class IncidentFilter {
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Started at or after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Started before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date | null;

  @Field(() => [ID], { nullable: true, description: 'Affecting any of these services.' })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsId({ each: true })
  serviceIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Owned by any of these teams.' })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsId({ each: true })
  teamIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Synced from any of these sources (deleted ones included).' })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsId({ each: true })
  sourceIds?: string[] | null;

  @Field(() => [Severity], { nullable: true, description: 'Of these severities.' })
  @IsOptional()
  @IsEnum(Severity, { each: true })
  severities?: Severity[] | null;

  @Field(() => [IncidentStatus], { nullable: true, description: 'In these statuses.' })
  @IsOptional()
  @IsEnum(IncidentStatus, { each: true })
  statuses?: IncidentStatus[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Whose primary cause is one of these nodes, or a cause under one of these categories.',
  })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsId({ each: true })
  rootCauseIds?: string[] | null;

  @Field(() => [IncidentKind], { nullable: true, description: 'Of these kinds.' })
  @IsOptional()
  @IsEnum(IncidentKind, { each: true })
  kinds?: IncidentKind[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'With a redundancy gap (a MISSING or FAILED assessment) of any of these mechanisms.',
  })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsId({ each: true })
  gapMechanismIds?: string[] | null;

  @Field(() => [DetectionSource], { nullable: true, description: 'Detected by any of these sources.' })
  @IsOptional()
  @IsEnum(DetectionSource, { each: true })
  detectionSources?: DetectionSource[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only incidents the metrics count (kind INCIDENT and not excludeFromMetrics, ongoing included); false: only the others (near misses and excluded ones).',
  })
  @IsOptional()
  @IsBoolean()
  inMetrics?: boolean | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Resolved, with time to resolve (resolvedAt − startedAt, minutes) at least this long.',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e9)
  resolveMinutesAtLeast?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Resolved, with time to resolve (resolvedAt − startedAt, minutes) shorter than this.',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e9)
  resolveMinutesBelow?: number | null;

  @Field(() => String, { nullable: true, description: 'Words in the title or summary.' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  search?: string | null;
}
