import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { IsNotBlank } from '../../common/graphql/validators';
import { MetricsFilter } from '../../metrics/dto/metrics-filter.input';
import { DigestChannel, DigestSchedule } from '../digest.model';

@InputType({ description: 'A new digest (SPEC §6); invalid fields are refused with BAD_USER_INPUT naming them.' })
export class CreateDigestInput {
  @Field({ description: 'Its name, 1–200 characters.' })
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  name: string;

  @Field(() => DigestSchedule, { description: 'How often it is sent; it covers the last complete week, month or quarter.' })
  @IsEnum(DigestSchedule)
  schedule: DigestSchedule;

  @Field(() => DigestChannel, { description: 'EMAIL or WEBHOOK.' })
  @IsEnum(DigestChannel)
  channel: DigestChannel;

  @Field({
    description:
      'EMAIL: one or more email addresses separated by commas (at most 50). WEBHOOK: an http(s) URL without credentials (e.g. a Slack incoming webhook).',
  })
  @IsString()
  @MaxLength(4000)
  target: string;

  @Field(() => MetricsFilter, {
    nullable: true,
    description:
      'Which incidents it reports (services, teams, sources, severities, causes); from and to are not allowed: the schedule sets the period.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MetricsFilter)
  filter?: MetricsFilter | null;
}
