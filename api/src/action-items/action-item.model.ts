import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ActionItemType {
  PREVENT = 'PREVENT',
  DETECT = 'DETECT',
  MITIGATE = 'MITIGATE',
  PROCESS = 'PROCESS',
}
export enum ActionItemStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  WONT_DO = 'WONT_DO',
}
registerEnumType(ActionItemType, {
  name: 'ActionItemType',
  description: 'PREVENT recurrence, DETECT sooner, MITIGATE faster, or improve PROCESS.',
});
registerEnumType(ActionItemStatus, {
  name: 'ActionItemStatus',
  description: 'OPEN and IN_PROGRESS items are open work; DONE and WONT_DO are closed.',
});

@ObjectType({ description: 'Prevention or follow-up work from an incident.' })
export class ActionItem {
  @Field(() => ID, { description: 'Action item id.' })
  id: string;

  @Field({ description: 'What is to be done.' })
  title: string;

  @Field(() => ActionItemType, { description: 'Kind of work.' })
  type: ActionItemType;

  @Field(() => ActionItemStatus, { description: 'Progress.' })
  status: ActionItemStatus;

  @Field(() => String, { nullable: true, description: 'Due date, YYYY-MM-DD.' })
  dueDate: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was marked DONE or WONT_DO.' })
  completedAt: Date | null;

  @Field(() => GraphQLISODateTime, { description: 'When it was created.' })
  createdAt: Date;

  @Field({ description: 'Open (OPEN or IN_PROGRESS) with a due date before today (UTC).' })
  overdue: boolean;

  @Field(() => Int, { description: 'Optimistic-concurrency version: pass it as expectedVersion when updating.' })
  version: number;

  incidentId: number;
  ownerId: number | null;
  causeId: number | null;
  mechanismId: number | null;
}

export interface ActionItemRow {
  id: number;
  incident_id: number;
  title: string;
  type: string;
  status: string;
  owner_id: number | null;
  due_date: string | null;
  cause_id: number | null;
  mechanism_id: number | null;
  created_at: Date;
  completed_at: Date | null;
  version: number;
  overdue: boolean;
}

export const ACTION_ITEM_COLUMNS = `a.id, a.incident_id, a.title, a.type, a.status, a.owner_id, a.due_date::text AS due_date, a.cause_id,
  a.mechanism_id, a.created_at, a.completed_at, a.version,
  coalesce(a.status IN ('OPEN','IN_PROGRESS') AND a.due_date < (now() AT TIME ZONE 'UTC')::date, false) AS overdue`;

export const toActionItem = (r: ActionItemRow): ActionItem => ({
  id: String(r.id),
  title: r.title,
  type: r.type as ActionItemType,
  status: r.status as ActionItemStatus,
  dueDate: r.due_date,
  completedAt: r.completed_at,
  createdAt: r.created_at,
  overdue: r.overdue,
  version: r.version,
  incidentId: r.incident_id,
  ownerId: r.owner_id,
  causeId: r.cause_id,
  mechanismId: r.mechanism_id,
});
