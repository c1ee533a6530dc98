import { Controller, HttpCode, Inject, Post, Query, Req, UseFilters } from '@nestjs/common';
import type { Request } from 'express';
import { createReadStream } from 'node:fs';
import { APP_CONFIG, AppConfig } from '../config';
import { Access, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { badInput } from '../common/errors/domain-error';
import { ImportFormat, invalidRowPolicy } from './import.enums';
import { HttpErrorsFilter } from '../common/errors/http-errors.filter';
import { ImportOptions, ImportOutcome, ImportsService } from './imports.service';
import { firstSignificantByte, spoolUpload, tooLarge, UploadLimits } from './upload';

const flag = (value: string | undefined, name: string): boolean => {
  if (value === undefined || value === '') return false;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw badInput(`${name} must be true or false`, name);
};

/** Reads the query string of POST /api/import into ImportOptions, naming any bad parameter. */
export function importOptions(q: Record<string, string | undefined>): ImportOptions {
  const format = (q.format ?? 'CSV').toUpperCase();
  if (!(format in ImportFormat)) throw badInput(`format must be one of ${Object.keys(ImportFormat).join(', ')}`, 'format');
  return {
    format: format as ImportFormat,
    onInvalid: invalidRowPolicy(q.onInvalid),
    dryRun: flag(q.dryRun, 'dryRun'),
    createMissing: flag(q.createMissing, 'createMissing'),
  };
}

@Controller('api')
@UseFilters(HttpErrorsFilter)
export class ImportsController {
  private readonly limits: UploadLimits;

  constructor(
    private readonly imports: ImportsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limits = { maxBytes: config.importMaxBytes, idleMs: config.uploadIdleMs };
  }

  /**
   * POST /api/import?format=CSV|JSON|STATUSPAGE&dryRun=&onInvalid=&createMissing= with the file as
   * the raw body (any content type) or as the multipart field `file`. The body is read to the end
   * into a temporary file first (within HINDSIGHT_IMPORT_MAX_BYTES; 408 when it stalls), and only
   * then does the import take a database connection; the file is then streamed into the parser, so
   * a CSV of any size imports with flat memory. Answers the ImportResult as JSON.
   */
  @Post('import')
  @HttpCode(200)
  @Access('IMPORT', 'RESPONDER', 'ADMIN')
  async upload(@CurrentPrincipal() p: Principal, @Req() req: Request, @Query() query: Record<string, string>): Promise<ImportOutcome> {
    const options = importOptions(query);
    // the app's JSON parser has already read an application/json body: it is JSON, whatever `format` says
    if (req.body !== undefined) {
      if (options.format === ImportFormat.CSV) throw notTheFormat(options.format, 'a JSON document');
      const text = JSON.stringify(req.body);
      if (Buffer.byteLength(text) > this.limits.maxBytes) throw tooLarge(this.limits.maxBytes);
      return this.imports.import(p, text, options);
    }
    const upload = await spoolUpload(req, this.limits);
    try {
      await checkFormat(upload.path, options.format);
      return await this.imports.import(p, createReadStream(upload.path), options);
    } finally {
      await upload.dispose();
    }
  }
}

const notTheFormat = (format: ImportFormat, what: string) =>
  badInput(`the file is ${what}, not ${format}; send it with the format it is written in`, 'format');

/**
 * A body that cannot be the declared format is a 400 naming `format`: a JSON or Statuspage
 * document starts with `[` or `{`, which no CSV header does.
 */
async function checkFormat(path: string, format: ImportFormat): Promise<void> {
  const first = await firstSignificantByte(path);
  if (first === null) return; // empty: each parser says what it lacks
  const json = first === '[' || first === '{';
  if (format === ImportFormat.CSV && json) throw notTheFormat(format, 'a JSON document');
  if (format !== ImportFormat.CSV && !json) throw notTheFormat(format, 'not a JSON document');
}
