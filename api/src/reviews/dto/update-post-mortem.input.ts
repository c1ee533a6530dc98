import { Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsDate, IsEnum, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IsId } from '../../common/graphql/validators';
import { PostmortemState } from '../../incidents/incident.enums';

export const MAX_BODY = 200_000;

@InputType({ description: 'Changes to an incident’s review; omitted fields stay. CONFLICT when expectedVersion is stale.' })
export class UpdatePostMortemInput {
  @Field(() => Int, { description: 'The PostMortem.version you read; 0 writes the first review.' })
  @IsInt()
  @Min(0)
  expectedVersion: number;

  @Field(() => String, {
    nullable: true,
    description: 'The review in Markdown, at most 200,000 characters. On the first save, omitted: the template.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_BODY)
  body?: string | null;

  @Field(() => PostmortemState, {
    nullable: true,
    description:
      'DRAFT, IN_REVIEW or PUBLISHED (NONE is refused). PUBLISHED needs a non-blank body and sets publishedAt; going back to DRAFT or IN_REVIEW clears it. On the first save, omitted: DRAFT.',
  })
  @IsOptional()
  @IsEnum(PostmortemState)
  state?: PostmortemState | null;

  @Field(() => [ID], { nullable: true, description: 'The reviewers (user ids; replaces the list; at most 50).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsId({ each: true })
  reviewerIds?: string[] | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Due date of the review; null: resolvedAt + loopSettings.reviewDueDays days.',
  })
  @IsOptional()
  @IsDate()
  dueAt?: Date | null;
}
