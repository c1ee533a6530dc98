import { Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { IsId, IsNotBlank } from '../../common/graphql/validators';
import { Severity } from '../../incidents/incident.enums';
import { SourceKind } from '../source.model';

/** Why a base URL is refused, or null: http(s) only, a host, no credentials, query or fragment. */
export function baseUrlProblem(value: string): string | null {
  const u = URL.parse(value);
  if (!u || !/^https?:$/.test(u.protocol) || !u.hostname) return 'must be an http(s) URL such as https://api.pagerduty.com';
  if (u.username || u.password) return 'must not contain credentials (put the token in token)';
  if (u.search || u.hash) return 'must not contain a query or fragment';
  return null;
}

const IsBaseUrl = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isBaseUrl',
      validator: {
        validate: (v) => typeof v === 'string' && baseUrlProblem(v) === null,
        defaultMessage: (args) => `${args?.property} ${typeof args?.value === 'string' ? baseUrlProblem(args.value) : 'must be a URL'}`,
      },
    },
    options,
  );

@InputType({ description: 'One entry of a severity map.' })
export class SeverityMappingInput {
  @Field({ description: 'The vendor’s priority, urgency, severity or impact (compared case-insensitively), 1–200 characters.' })
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  from: string;

  @Field(() => Severity, { description: 'The severity it becomes.' })
  @IsEnum(Severity)
  to: Severity;
}

@InputType({
  description:
    'incident.io: which of an incident’s timestamp names mean which phase (compared case-insensitively); an omitted phase keeps the adapter’s defaults.',
})
export class TimestampNamesInput {
  @Field(() => [String], { nullable: true, description: 'Names for when impact began, in order of preference.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  started?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Names for when it was detected.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  detected?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Names for when a responder acknowledged it.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  acknowledged?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Names for when impact stopped.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  mitigated?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Names for when it was resolved.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  resolved?: string[] | null;
}

/** The settings create and update share; every one validated. */
@InputType({ isAbstract: true })
abstract class SourceFields {
  @Field(() => String, {
    nullable: true,
    description:
      'The vendor API’s base URL (PAGERDUTY default https://api.pagerduty.com, INCIDENT_IO default https://api.incident.io) or the status page’s address (STATUSPAGE, required). http(s), no credentials, up to 2,000 characters. Not for WEBHOOK.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsBaseUrl()
  baseUrl?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'API token (PAGERDUTY: a REST API key; INCIDENT_IO: an API key; required for both), surrounding whitespace dropped. Stored encrypted, never returned. On update: omitted or null keeps it, "" removes it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  token?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Secret that signs the vendor’s webhook pushes (16–4,000 characters, surrounding whitespace dropped; required for WEBHOOK). Stored encrypted, never returned. On update: omitted or null keeps it, "" removes it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  webhookSecret?: string | null;

  @Field(() => Int, { nullable: true, description: 'Minutes between scheduled syncs, 0–10,080 (a week); 0: on demand only. Default 60.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10080)
  syncEveryMinutes?: number | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'How far back the first sync reaches; not in the future. Default one year ago.',
  })
  @IsOptional()
  @IsDate()
  since?: Date | null;

  @Field(() => [SeverityMappingInput], {
    nullable: true,
    description:
      'Vendor value → severity, up to 100 entries, each vendor value once (case-insensitive). Omitted on create: the vendor’s usual values (PagerDuty P1–P5 and urgency, incident.io Critical/Major/Minor, status page impact).',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SeverityMappingInput)
  severityMap?: SeverityMappingInput[] | null;

  @Field(() => Severity, { nullable: true, description: 'Severity when the vendor value is missing or not in the map. Default SEV3.' })
  @IsOptional()
  @IsEnum(Severity)
  defaultSeverity?: Severity | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Create services the source names but Hindsight lacks, under teamId. Default true.',
  })
  @IsOptional()
  @IsBoolean()
  createMissing?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Make the incidents it creates private to its team. Default false.' })
  @IsOptional()
  @IsBoolean()
  private?: boolean | null;

  @Field(() => TimestampNamesInput, {
    nullable: true,
    description: 'INCIDENT_IO only: which timestamp names mean which phase (null: the defaults).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => TimestampNamesInput)
  timestampNames?: TimestampNamesInput | null;
}

@InputType({ description: 'A new source (admins). Invalid fields are refused with BAD_USER_INPUT naming them.' })
export class CreateSourceInput extends SourceFields {
  @Field(() => SourceKind, { description: 'Which tool; cannot be changed later.' })
  @IsEnum(SourceKind)
  kind: SourceKind;

  @Field({ description: 'Unique name among sources (case-insensitive), 1–200 characters.' })
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  name: string;

  @Field(() => ID, { description: 'The team that owns what the source creates (its incidents and new services).' })
  @IsId()
  teamId: string;
}

@InputType({
  description:
    'Changes to a source (admins); omitted fields stay. The kind cannot change. CONFLICT when expectedVersion is given and stale.',
})
export class UpdateSourceInput extends SourceFields {
  @Field(() => Int, {
    nullable: true,
    description: 'The version you read; when given, the update is refused with CONFLICT if the source changed since.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'Unique name, 1–200 characters.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  name?: string | null;

  @Field(() => ID, { nullable: true, description: 'The owning team.' })
  @IsOptional()
  @IsId()
  teamId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'false pauses the source (no scheduled syncs, webhook pushes refused).' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean | null;
}

@InputType({
  description:
    'What to test: a source not saved yet (kind, baseUrl, token), or, with testSourceConnection’s id, changes to a saved one (given fields replace the stored ones).',
})
export class TestSourceConnectionInput {
  @Field(() => SourceKind, { nullable: true, description: 'Which tool (required without id; must match a saved source’s kind).' })
  @IsOptional()
  @IsEnum(SourceKind)
  kind?: SourceKind | null;

  @Field(() => String, { nullable: true, description: 'Base URL, as in CreateSourceInput.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsBaseUrl()
  baseUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Token to try (not stored); omitted: the saved source’s token.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  token?: string | null;
}
