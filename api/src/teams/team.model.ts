import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A group of users; owns services and incidents.' })
export class Team {
  @Field(() => ID, { description: 'Team id.' })
  id: string;

  @Field({ description: 'Unique name (case-insensitive).' })
  name: string;
}

export interface TeamRow {
  id: number;
  name: string;
}

export const toTeam = (row: TeamRow): Team => ({ id: String(row.id), name: row.name });
