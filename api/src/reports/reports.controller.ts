import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { Access, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { badInput } from '../common/errors/domain-error';
import { HttpErrorsFilter } from '../common/errors/http-errors.filter';
import { reportCsv } from './report.csv';
import { reportMarkdown } from './report.markdown';
import { reportPdf } from './report.pdf';
import { ReportsService } from './reports.service';

const FORMATS = ['pdf', 'md', 'json', 'csv'] as const;

@Controller('api/reports')
@UseFilters(HttpErrorsFilter)
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** GET /api/reports/quarterly?quarter=2026-Q3&format=pdf|md|json|csv (default json). */
  @Get('quarterly')
  @Access('READ')
  async quarterly(
    @CurrentPrincipal() p: Principal,
    @Query('quarter') quarter: string,
    @Query('format') formatText: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const format = (formatText ?? 'json').toLowerCase() as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw badInput(`format must be one of ${FORMATS.join(', ')}`, 'format');
    const d = await this.reports.quarterly(p, quarter);
    const name = `reliability-${d.quarter}`;
    const send = (type: string, body: string | Buffer, ext: string) => {
      res.status(200).setHeader('content-type', type);
      res.setHeader('content-disposition', `${ext === 'json' ? 'inline' : 'attachment'}; filename="${name}.${ext}"`);
      res.send(body);
    };
    if (format === 'json')
      return send(
        'application/json; charset=utf-8',
        JSON.stringify({
          quarter: d.quarter,
          previousQuarter: d.previousQuarter,
          metrics: d.metrics,
          previous: d.previous,
          largestIncidents: d.largestIncidents,
          generatedAt: d.generatedAt,
        }),
        'json',
      );
    if (format === 'md') return send('text/markdown; charset=utf-8', reportMarkdown(d), 'md');
    if (format === 'csv') return send('text/csv; charset=utf-8', reportCsv(d), 'csv');
    send('application/pdf', await reportPdf(d), 'pdf');
  }
}
