import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { ImportFormat, InvalidRowPolicy } from '../import.enums';

@InputType({
  description: 'A file of incidents to import (formats: docs/import-formats.md). For files over a few MB use POST /api/import.',
})
export class ImportIncidentsInput {
  @Field(() => ImportFormat, { description: 'How `content` is written.' })
  @IsEnum(ImportFormat)
  format: ImportFormat;

  @Field({ description: 'The file itself: CSV text, a JSON array, or a Statuspage incidents.json document.' })
  @IsString()
  @MaxLength(5 * 1024 * 1024)
  content: string;

  @Field({ nullable: true, defaultValue: false, description: 'Validate and count only; nothing is stored.' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  @Field(() => InvalidRowPolicy, {
    nullable: true,
    defaultValue: InvalidRowPolicy.REJECT_ALL,
    description: 'What an invalid row does to the rest.',
  })
  @IsOptional()
  @IsEnum(InvalidRowPolicy)
  onInvalid?: InvalidRowPolicy;

  @Field({
    nullable: true,
    defaultValue: false,
    description: 'Create unknown services, teams, causes (under "Imported") and redundancy mechanisms instead of rejecting their rows.',
  })
  @IsOptional()
  @IsBoolean()
  createMissing?: boolean;
}
