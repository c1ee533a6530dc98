import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A named system (e.g. "Playback API") owned by a team, with an availability SLO.' })
export class Service {
  @Field(() => ID, { description: 'Service id.' })
  id: string;

  @Field({ description: 'Unique name (case-insensitive).' })
  name: string;

  @Field(() => String, { nullable: true, description: 'What the service does.' })
  description: string | null;

  @Field(() => Float, { description: 'Availability objective as a percentage: 99.9 means 99.9 %.' })
  slo: number;

  teamId: number;
}

export interface ServiceRow {
  id: number;
  name: string;
  description: string | null;
  slo: string;
  team_id: number;
}

export const toService = (r: ServiceRow): Service => ({
  id: String(r.id),
  name: r.name,
  description: r.description,
  slo: Number(r.slo),
  teamId: r.team_id,
});
