import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A group of users; owns services and incidents.' })
export class Team {
  @Field(() => ID, { description: 'Team id.' })
  id: string;

  @Field({ description: 'Unique name (case-insensitive).' })
  name: string;

  @Field(() => Int, { description: 'Incremented by every change; pass it as expectedVersion to updateTeam.' })
  version: number;
}

export interface TeamRow {
  id: number;
  name: string;
  version: number;
}

export const toTeam = (row: TeamRow): Team => ({ id: String(row.id), name: row.name, version: row.version });
