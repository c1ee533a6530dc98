import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A redundancy mechanism of the catalogue (multi-region, database failover, multi-CDN...).' })
export class RedundancyMechanism {
  @Field(() => ID, { description: 'Mechanism id.' })
  id: string;

  @Field({ description: 'Unique name.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'What it is.' })
  description: string | null;

  @Field({ description: 'Retired mechanisms keep their history but are not offered for new assessments.' })
  retired: boolean;
}

export interface MechanismRow {
  id: number;
  name: string;
  description: string | null;
  retired_at: Date | null;
}

export const toMechanism = (r: MechanismRow): RedundancyMechanism => ({
  id: String(r.id),
  name: r.name,
  description: r.description,
  retired: r.retired_at !== null,
});
