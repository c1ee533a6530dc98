import { Controller, HttpCode, Post, Query, Req, UseFilters } from '@nestjs/common';
import busboy from 'busboy';
import type { Request } from 'express';
import { Readable } from 'node:stream';
import { Access, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { badInput } from '../common/errors/domain-error';
import { ImportFormat, InvalidRowPolicy } from './import.enums';
import { HttpErrorsFilter } from '../common/errors/http-errors.filter';
import { ImportOptions, ImportOutcome, ImportsService } from './imports.service';

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
  const onInvalid = (q.onInvalid ?? 'REJECT_ALL').toUpperCase();
  if (!(onInvalid in InvalidRowPolicy)) throw badInput(`onInvalid must be REJECT_ALL or SKIP_ROW`, 'onInvalid');
  return {
    format: format as ImportFormat,
    onInvalid: onInvalid as InvalidRowPolicy,
    dryRun: flag(q.dryRun, 'dryRun'),
    createMissing: flag(q.createMissing, 'createMissing'),
  };
}

@Controller('api')
@UseFilters(HttpErrorsFilter)
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /**
   * POST /api/import?format=CSV|JSON|STATUSPAGE&dryRun=&onInvalid=&createMissing= with the file as
   * the raw body (any content type) or as the multipart field `file`. The body is streamed into
   * the parser, so a CSV of any size imports with flat memory. Answers the ImportResult as JSON.
   */
  @Post('import')
  @HttpCode(200)
  @Access('IMPORT', 'RESPONDER', 'ADMIN')
  async upload(@CurrentPrincipal() p: Principal, @Req() req: Request, @Query() query: Record<string, string>): Promise<ImportOutcome> {
    const options = importOptions(query);
    return this.imports.import(p, await bodyOf(req), options);
  }
}

/** The uploaded file as a stream: the multipart field `file`, or the raw body. */
async function bodyOf(req: Request): Promise<Readable | string> {
  // the app's JSON parser has already read an application/json body (up to its 5 MB limit)
  if (req.body !== undefined) return JSON.stringify(req.body);
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) return req;
  return new Promise<Readable>((resolve, reject) => {
    const bb = busboy({ headers: req.headers, limits: { files: 1, fields: 20 } });
    let found = false;
    bb.on('file', (name, stream) => {
      if (name === 'file' && !found) {
        found = true;
        resolve(stream);
      } else {
        stream.resume();
      }
    });
    bb.on('error', (err) => reject(badInput(`the multipart body could not be read: ${(err as Error).message}`, 'file')));
    bb.on('close', () => {
      if (!found) reject(badInput('the multipart body has no field "file"', 'file'));
    });
    req.pipe(bb);
  });
}
