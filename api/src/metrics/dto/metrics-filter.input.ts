import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsDate, IsEnum, IsOptional } from 'class-validator';
import { IsId } from '../../common/graphql/validators';
import { Severity } from '../../incidents/incident.enums';

@InputType({
  description:
    'Which incidents the metrics cover; every given condition must hold. Period: startedAt in [from, to). ' +
    'Without from, the period starts at the earliest matching startedAt; without to, it ends now.',
})
export class MetricsFilter {
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Incidents started at or after this instant (inclusive). Must be before to.',
  })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Incidents started before this instant (exclusive).' })
  @IsOptional()
  @IsDate()
  to?: Date | null;

  @Field(() => [ID], { nullable: true, description: 'Incidents affecting any of these services.' })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsId({ each: true })
  serviceIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Incidents owned by any of these teams.' })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsId({ each: true })
  teamIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Incidents synced from any of these sources (answered from the incidents directly, like serviceIds and teamIds).',
  })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsId({ each: true })
  sourceIds?: string[] | null;

  @Field(() => [Severity], { nullable: true, description: 'Incidents of these severities.' })
  @IsOptional()
  @IsEnum(Severity, { each: true })
  severities?: Severity[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Incidents whose primary cause is one of these nodes, or a cause under one of these categories.',
  })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsId({ each: true })
  rootCauseIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Count only CONFIRMED cause tags as causes (rootCauseIds, byRootCause, byRootCategory, contributingFactors); PROPOSED tags are then ignored. Default false: every tag counts.',
  })
  @IsOptional()
  @IsBoolean()
  confirmedOnly?: boolean | null;
}
