import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { Access, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { HttpErrorsFilter } from '../common/errors/http-errors.filter';
import { exportFilter, ExportsService } from './exports.service';

@Controller('api/export')
@UseFilters(HttpErrorsFilter)
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  /**
   * GET /api/export/incidents.csv?from=&to=&serviceIds=&teamIds=&sourceIds=&severities=&statuses=&rootCauseIds=&kinds=&gapMechanismIds=
   * &detectionSources=&inMetrics=&resolveMinutesAtLeast=&resolveMinutesBelow=&search=
   * streams the incidents in the import CSV format; importing the file again changes nothing.
   */
  @Get('incidents.csv')
  @Access('READ')
  async incidents(@CurrentPrincipal() p: Principal, @Query() q: Record<string, string>, @Res() res: Response): Promise<void> {
    const stream = this.exports.incidentsCsv(p, exportFilter(q));
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="incidents.csv"');
    await pipeline(stream, res);
  }

  /**
   * GET /api/export/incidents.json?<the same filters> streams the same incidents as the JSON import document, each
   * with its review (`postMortem`); importing the file again changes nothing.
   */
  @Get('incidents.json')
  @Access('READ')
  async incidentsJson(@CurrentPrincipal() p: Principal, @Query() q: Record<string, string>, @Res() res: Response): Promise<void> {
    const stream = this.exports.incidentsJson(p, exportFilter(q));
    res.status(200);
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="incidents.json"');
    await pipeline(stream, res);
  }
}
