import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsId, IsNotBlank } from '../../common/graphql/validators';

@InputType({ description: 'A new service.' })
export class CreateServiceInput {
  @Field({ description: 'Unique name, 1–100 characters.' })
  @IsString()
  @Length(1, 100)
  @IsNotBlank()
  name: string;

  @Field(() => ID, { description: 'Owning team.' })
  @IsId()
  teamId: string;

  @Field(() => Float, { nullable: true, defaultValue: 99.9, description: 'Availability SLO in percent, above 0 and below 100.' })
  @Min(0.0001)
  @Max(99.9999)
  slo: number;

  @Field(() => String, { nullable: true, description: 'What the service does.' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Redundancy mechanisms the service has in place.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsId({ each: true })
  redundancyIds?: string[];
}

@InputType({ description: 'Changes to a service; omitted fields stay as they are.' })
export class UpdateServiceInput {
  @Field({ nullable: true, description: 'New name.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @IsNotBlank()
  name?: string;

  @Field(() => ID, { nullable: true, description: 'New owning team.' })
  @IsOptional()
  @IsId()
  teamId?: string;

  @Field(() => Float, { nullable: true, description: 'New availability SLO in percent.' })
  @IsOptional()
  @Min(0.0001)
  @Max(99.9999)
  slo?: number;

  @Field(() => String, { nullable: true, description: 'New description.' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The full set of redundancy mechanisms in place.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsId({ each: true })
  redundancyIds?: string[];
}
