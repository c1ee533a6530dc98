import { Args, Field, GraphQLISODateTime, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import GraphQLJSON from '../common/graphql/json.scalar';
import { Access } from '../auth/auth.decorators';
import { CountedConnection, pageSize } from '../common/graphql/pagination';
import { AuditEntryRow, AuditService } from './audit.service';

@ObjectType({ description: 'One recorded change: who changed what, and when.' })
export class AuditEntry {
  @Field(() => ID, { description: 'Entry id.' })
  id: string;

  @Field(() => GraphQLISODateTime, { description: 'When the change committed.' })
  at: Date;

  @Field({ description: "Who made it: the user's email, or the API token's name." })
  actor: string;

  @Field({ description: 'What was done, e.g. `incident.update`.' })
  action: string;

  @Field({ description: 'Kind of entity changed, e.g. `Incident`.' })
  entityType: string;

  @Field(() => ID, { description: "The changed entity's GraphQL id." })
  entityId: string;

  @Field(() => GraphQLJSON, { description: 'Changed fields as `{ field: { before, after } }`, or the values created.' })
  changes: unknown;
}

@ObjectType({ description: 'An item of a page with its cursor.' })
class AuditEntryEdge {
  @Field({ description: 'Cursor of this entry.' })
  cursor: string;

  @Field(() => AuditEntry, { description: 'The entry.' })
  node: AuditEntry;
}

@ObjectType({ description: 'A page of audit entries, newest first.' })
export class AuditEntryConnection extends CountedConnection {
  @Field(() => [AuditEntryEdge], { description: 'The entries of this page.' })
  edges: AuditEntryEdge[];
}

const toEntry = (r: AuditEntryRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  changes: r.changes,
});

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Access('ADMIN', 'ADMIN')
  @Query(() => AuditEntryConnection, { description: 'The append-only audit log, newest first (admins).' })
  async auditLog(
    @Args('first', { description: 'Page size.', type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { description: 'endCursor of the previous page.', type: () => String, nullable: true }) after?: string,
  ): Promise<AuditEntryConnection> {
    const page = await this.audit.page(pageSize(first), after);
    const edges = page.rows.map((r) => ({ cursor: this.audit.cursor(r), node: toEntry(r) }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }
}
