import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DocumentNode, execute, parse, validate } from 'graphql';
import type { Principal } from '../auth/principal';
import { badInput } from '../common/errors/domain-error';
import type { RequestContext } from '../common/graphql/context';
import { RequestLoaders } from '../common/graphql/loaders';
import { ReportData } from './report-data';
import type { QuarterlyReportQuery, QuarterlyReportQueryVariables } from './report.generated';

/** The dimensions of a metrics filter (its period is the report's own). */
export type ReportDimensions = Omit<QuarterlyReportQueryVariables, 'from' | 'to'>;
import { REPORT_QUERY } from './report.query';
import { ReportsRepository } from './reports.repository';

const LARGEST = 10;
const DAY = 86_400_000;

/** `2026-Q3` → its UTC bounds [from, to). */
export function parseQuarter(text: string | undefined): { quarter: string; from: Date; to: Date; previous: string } {
  const m = /^(\d{4})-Q([1-4])$/i.exec(text?.trim() ?? '');
  if (!m) throw badInput('quarter must look like 2026-Q3', 'quarter');
  const year = Number(m[1]);
  const q = Number(m[2]);
  const from = new Date(Date.UTC(year, (q - 1) * 3, 1));
  const to = new Date(Date.UTC(year, q * 3, 1));
  const previous = q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
  return { quarter: `${year}-Q${q}`, from, to, previous };
}

/**
 * How the report names a period the API gave: `2026-Q1` when it is exactly a calendar quarter,
 * else its first and last day (a period that is not a quarter is not called one).
 */
export function periodName(start: string | null, end: string): string {
  if (start) {
    const s = new Date(start);
    const quarterEnd = Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + 3, 1);
    const isQuarterStart = s.getTime() === Date.UTC(s.getUTCFullYear(), s.getUTCMonth(), 1) && s.getUTCMonth() % 3 === 0;
    if (isQuarterStart && Date.parse(end) === quarterEnd) return `${s.getUTCFullYear()}-Q${s.getUTCMonth() / 3 + 1}`;
  }
  return `${start?.slice(0, 10) ?? '…'} to ${new Date(Date.parse(end) - DAY).toISOString().slice(0, 10)}`;
}

/**
 * The quarterly report's numbers: the report's GraphQL document (report.query.ts) executed against
 * the API's own schema with the requesting principal, so `metrics` and `previous` are the answer of
 * `reliabilityMetrics` (same resolvers, same visibility, same period rule); the largest-incidents
 * list is the report's own query, under the same visibility rule.
 */
@Injectable()
export class ReportsService {
  private document: DocumentNode | null = null;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly repo: ReportsRepository,
  ) {}

  async quarterly(principal: Principal, quarterText: string | undefined): Promise<ReportData> {
    const { quarter, from, to, previous } = parseQuarter(quarterText);
    return this.build(principal, quarter, previous, from, to, {});
  }

  /**
   * The same report for any period [from, to) and a metrics filter's dimensions (its own from and to are
   * ignored), e.g. a digest's week or month: named by periodName (a calendar quarter keeps its `2026-Q3`).
   */
  async period(principal: Principal, from: Date, to: Date, filter: ReportDimensions): Promise<ReportData> {
    const name = periodName(from.toISOString(), to.toISOString());
    const length = to.getTime() - from.getTime();
    return this.build(principal, name, periodName(new Date(from.getTime() - length).toISOString(), from.toISOString()), from, to, filter);
  }

  private async build(
    principal: Principal,
    quarter: string,
    previous: string,
    from: Date,
    to: Date,
    dimensions: ReportDimensions,
  ): Promise<ReportData> {
    const [answer, largestIncidents] = await Promise.all([
      this.metrics(principal, { ...dimensions, from: from.toISOString(), to: to.toISOString() }),
      this.repo.largestIncidents(principal, from, to, LARGEST, dimensions),
    ]);
    const { previous: before, ...metrics } = answer.reliabilityMetrics;
    const definitions = answer.metricDefinitions;
    return {
      quarter,
      previousQuarter: before ? periodName(before.periodStart, before.periodEnd) : previous,
      generatedAt: new Date().toISOString(),
      trendGranularity: 'WEEK',
      metrics,
      previous: before,
      definitions,
      largestIncidents: largestIncidents.map((i) => ({
        ...i,
        downtimeMinutes: i.downtimeMinutes === null ? null : Number(i.downtimeMinutes),
        timeToResolveMinutes: i.timeToResolveMinutes === null ? null : Number(i.timeToResolveMinutes),
      })),
    };
  }

  /** The report's document, answered by the API's schema as `principal` would get it over /graphql. */
  private async metrics(principal: Principal, variables: QuarterlyReportQueryVariables): Promise<QuarterlyReportQuery> {
    const schema = this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
    if (!this.document) {
      const document = parse(REPORT_QUERY);
      const problems = validate(schema, document);
      if (problems.length) throw new Error(`the report's GraphQL document does not fit the schema: ${problems[0].message}`);
      this.document = document;
    }
    // what the GraphQL context factory builds for a request (app.module.ts); no resolver of this document reads req or res
    const contextValue: Pick<RequestContext, 'principal' | 'loaders'> = { principal, loaders: new RequestLoaders() };
    const result = await execute({ schema, document: this.document, variableValues: variables, contextValue });
    // a resolver's DomainError is rethrown as it was thrown, for the HTTP filter to map
    if (result.errors?.length) throw result.errors[0].originalError ?? result.errors[0];
    return result.data as unknown as QuarterlyReportQuery;
  }
}
