import { Controller, Get, Res, UseFilters } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Access } from '../auth/auth.decorators';
import { HttpErrorsFilter } from '../common/errors/http-errors.filter';
import { neutralizeCell } from '../imports/csv-cells';
import { AuditService } from './audit.service';

@Controller('api/audit')
@UseFilters(HttpErrorsFilter)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The whole audit log as CSV, newest first, streamed page by page (admins). */
  @Access('ADMIN', 'ADMIN')
  @Get('entries.csv')
  async exportCsv(@Res() res: Response): Promise<void> {
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="hindsight-audit.csv"');
    const audit = this.audit;
    async function* rows() {
      let after: string | null = null;
      for (;;) {
        const page = await audit.page(1000, after);
        for (const r of page.rows)
          yield [r.id, r.at.toISOString(), r.actor, r.action, r.entity_type, r.entity_id, JSON.stringify(r.changes)];
        if (!page.hasNextPage || !page.rows.length) return;
        after = audit.cursor(page.rows[page.rows.length - 1]);
      }
    }
    await pipeline(
      Readable.from(rows()),
      // an actor is a token's name: a cell that a spreadsheet would run as a formula gets a quote in front
      stringify({
        header: true,
        columns: ['id', 'at', 'actor', 'action', 'entity_type', 'entity_id', 'changes'],
        cast: { string: neutralizeCell },
      }),
      res,
    );
  }
}
