import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A node of the two-level root-cause taxonomy: a category (no parent) or a cause under one.' })
export class RootCause {
  @Field(() => ID, { description: 'Node id.' })
  id: string;

  @Field({ description: 'Name, unique within its parent.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'What belongs here.' })
  description: string | null;

  @Field({ description: 'Retired nodes keep their history but are not offered for new tags.' })
  retired: boolean;

  parentId: number | null;
}

export interface RootCauseRow {
  id: number;
  name: string;
  description: string | null;
  parent_id: number | null;
  retired_at: Date | null;
}

export const toRootCause = (r: RootCauseRow): RootCause => ({
  id: String(r.id),
  name: r.name,
  description: r.description,
  retired: r.retired_at !== null,
  parentId: r.parent_id,
});
