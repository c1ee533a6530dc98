import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Severity } from '../../incidents/incident.enums';

@InputType({ description: 'Changes to the loop settings (admins); omitted fields stay. CONFLICT when expectedVersion is stale.' })
export class UpdateLoopSettingsInput {
  @Field(() => Int, { description: 'The LoopSettings.version you read.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => [Severity], {
    nullable: true,
    description: 'Severities whose counted incidents require a review (each at most once; may be empty).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsEnum(Severity, { each: true })
  reviewSeverities?: Severity[] | null;

  @Field(() => Int, { nullable: true, description: 'Days after resolvedAt a review is due, 0–365.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  reviewDueDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Days within which an incident repeats an earlier one, 1–3650.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  repeatWindowDays?: number | null;
}
