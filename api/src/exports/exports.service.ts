import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { visibleIncidentsSql } from '../auth/incident-access';
import type { Principal } from '../auth/principal';
import { badInput } from '../common/errors/domain-error';
import { IncidentFilter } from '../incidents/dto/incident-filter.input';
import { DetectionSource, IncidentKind, IncidentStatus, Severity } from '../incidents/incident.enums';
import { incidentFilterSql } from '../incidents/incident-filter.sql';
import { neutralizeCell } from '../imports/csv-cells';
import { camel, COLUMNS } from '../imports/import-row';
import { ExportRow, ExportsRepository } from './exports.repository';

const PAGE = 2000;

/** Reads the export's query string (the incident list's filters, lists comma-separated) into an IncidentFilter. */
export function exportFilter(q: Record<string, string | undefined>): IncidentFilter {
  const list = (name: string) =>
    (q[name] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const instant = (name: string): Date | null => {
    if (!q[name]) return null;
    const d = new Date(q[name]!);
    if (Number.isNaN(d.getTime())) throw badInput(`${name} must be an ISO 8601 timestamp`, name);
    return d;
  };
  const ids = (name: string) => {
    const xs = list(name);
    if (xs.some((x) => !/^[1-9][0-9]{0,9}$/.test(x))) throw badInput(`${name} must be ids separated by commas`, name);
    return xs;
  };
  const enums = <E extends string>(name: string, values: Record<string, E>): E[] => {
    const xs = list(name).map((x) => x.toUpperCase());
    const bad = xs.filter((x) => !(x in values));
    if (bad.length) throw badInput(`${name}: ${bad.join(', ')} not one of ${Object.keys(values).join(', ')}`, name);
    return xs as E[];
  };
  const minutes = (name: string): number | null => {
    if (!q[name]) return null;
    const n = Number(q[name]);
    if (!Number.isFinite(n) || n < 0) throw badInput(`${name} must be a number of minutes, 0 or more`, name);
    return n;
  };
  const flag = (name: string): boolean | null => {
    if (!q[name]) return null;
    if (q[name] !== 'true' && q[name] !== 'false') throw badInput(`${name} must be true or false`, name);
    return q[name] === 'true';
  };
  return {
    from: instant('from'),
    to: instant('to'),
    serviceIds: ids('serviceIds'),
    teamIds: ids('teamIds'),
    sourceIds: ids('sourceIds'),
    severities: enums('severities', Severity),
    statuses: enums('statuses', IncidentStatus),
    rootCauseIds: ids('rootCauseIds'),
    kinds: enums('kinds', IncidentKind),
    gapMechanismIds: ids('gapMechanismIds'),
    detectionSources: enums('detectionSources', DetectionSource),
    inMetrics: flag('inMetrics'),
    resolveMinutesAtLeast: minutes('resolveMinutesAtLeast'),
    resolveMinutesBelow: minutes('resolveMinutesBelow'),
    search: q.search?.slice(0, 200) ?? null,
  };
}

@Injectable()
export class ExportsService {
  constructor(private readonly repo: ExportsRepository) {}

  /**
   * The incidents the principal may see that match the filter, as the import CSV, streamed page by
   * page (flat memory). Filters are checked before the first byte is sent.
   */
  incidentsCsv(principal: Principal, filter: IncidentFilter): Readable {
    const rows = this.rows(principal, filter, false);
    // cells that would run as spreadsheet formulas get a quote in front; the import takes it off
    const csv = stringify({
      header: true,
      columns: [...COLUMNS],
      cast: { boolean: (b) => (b ? 'true' : 'false'), string: neutralizeCell },
    });
    Readable.from(rows)
      .on('error', (err) => csv.destroy(err))
      .pipe(csv);
    return csv;
  }

  /**
   * The same incidents as the CSV, as the JSON import document (an array of objects with the import fields in
   * camelCase; importing it again changes nothing, the import ignores other fields), each with its review:
   * `postMortem { state, body (null while none is written), dueAt (effective), publishedAt, reviewers [{ email, name }] }`.
   * Reviewers' emails follow the rule everywhere else: a viewer sees only their own (others: null, with the name).
   */
  incidentsJson(principal: Principal, filter: IncidentFilter): Readable {
    const rows = this.rows(principal, filter, true);
    async function* json() {
      let first = true;
      yield '[';
      for await (const r of rows) {
        const item: Record<string, unknown> = {};
        for (const c of COLUMNS) item[camel(c)] = r[c] ?? null;
        const reviewers = (r.post_mortem_reviewers as unknown as Array<{ id: number; email: string; name: string | null }>) ?? [];
        item.postMortem = {
          state: r.post_mortem_state,
          body: r.post_mortem_body ?? null,
          dueAt: r.post_mortem_due_at ?? null,
          publishedAt: r.post_mortem_published_at ?? null,
          reviewers: reviewers.map((u) => ({
            email: principal.role !== 'VIEWER' || u.id === principal.userId ? u.email : null,
            name: u.name,
          })),
        };
        yield `${first ? '' : ','}\n${JSON.stringify(item)}`;
        first = false;
      }
      yield '\n]\n';
    }
    return Readable.from(json());
  }

  /** The visible incidents matching the filter, page by page in id order (flat memory); filters are checked now. */
  private rows(principal: Principal, filter: IncidentFilter, withReview: boolean): AsyncGenerator<ExportRow & { id: number }> {
    const params: unknown[] = [];
    const where = [visibleIncidentsSql(principal, 'i', params), ...incidentFilterSql(filter, params)].join(' AND ');
    const repo = this.repo;
    async function* rows() {
      let after = 0;
      for (;;) {
        const page = await repo.page(where, params, after, PAGE, withReview);
        for (const r of page) yield r;
        if (page.length < PAGE) return;
        after = page[page.length - 1].id;
      }
    }
    return rows();
  }
}
