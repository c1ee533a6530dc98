import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A problem with one row of an import file.' })
export class ImportRowError {
  @Field(() => Int, { description: 'Data row number, counted from 1 (a CSV header is row 0; a JSON or Statuspage item n is row n).' })
  row: number;

  @Field(() => String, { nullable: true, description: 'The column (CSV, Statuspage) or camelCase field (JSON) at fault, if one is.' })
  field: string | null;

  @Field({ description: 'What is wrong, in words.' })
  message: string;
}

@ObjectType({ description: 'What an import did (or, in a dry run, would do).' })
export class ImportResult {
  @Field(() => Int, { description: 'Incidents created.' })
  created: number;

  @Field(() => Int, { description: 'Existing incidents (same source and external id) changed; each got version + 1.' })
  updated: number;

  @Field(() => Int, { description: 'Rows identical to the incident already stored.' })
  unchanged: number;

  @Field(() => Int, { description: 'Rows not stored: invalid ones (SKIP_ROW), or every row when REJECT_ALL found an invalid one.' })
  skipped: number;

  @Field(() => Int, { description: 'How many row errors the file has in all (`errors` lists at most the first 1,000).' })
  errorCount: number;

  @Field(() => [ImportRowError], {
    description:
      'The first 1,000 row errors, in row order (`errorCount` counts them all), so an answer stays small however broken the file is.',
  })
  errors: ImportRowError[];
}
