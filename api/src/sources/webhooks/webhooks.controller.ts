import { Controller, HttpCode, Inject, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../../auth/auth.decorators';
import { HttpErrorsFilter } from '../../common/errors/http-errors.filter';
import { APP_CONFIG, AppConfig } from '../../config';
import { invalidRowPolicy } from '../../imports/import.enums';
import { SyncStatus } from '../sync/sync-run.model';
import { readRawBody } from './raw-body';
import { WebhookAnswer, WebhooksService } from './webhooks.service';

/** The largest push: HINDSIGHT_IMPORT_MAX_BYTES, but never more than a JSON document the import reads into memory. */
const MAX_PUSH_BYTES = 64 * 1024 * 1024;

@Controller('api/sources')
@UseFilters(HttpErrorsFilter)
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * POST /api/sources/:id/webhook: a vendor's push. No sign-in: the signature over the raw body is
   * the credential (401 when missing or wrong). Applied within the request and answered with its run
   * (200); when the vendor's API refused the read a push calls for, the FAILED run is answered 502 so
   * the vendor delivers it again later. 404 for an unknown or deleted source, 409 when it is paused,
   * 413 for a body over the upload limit. A WEBHOOK source's push with an item the import refuses is
   * answered 400 and applies nothing (recorded as a FAILED run), unless the URL says ?onInvalid=SKIP_ROW.
   */
  @Public()
  @Post(':id/webhook')
  @HttpCode(200)
  async push(@Param('id') id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<WebhookAnswer> {
    const target = await this.webhooks.target(id);
    // a WEBHOOK source's push is an import: all or nothing, unless the URL asks for ?onInvalid=SKIP_ROW
    const onInvalid = invalidRowPolicy(typeof req.query.onInvalid === 'string' ? req.query.onInvalid : undefined);
    const body = await readRawBody(req, {
      maxBytes: Math.min(this.config.importMaxBytes, MAX_PUSH_BYTES),
      idleMs: this.config.uploadIdleMs,
    });
    const answer = await this.webhooks.receive(target, req.headers, body, onInvalid);
    if (answer.status === SyncStatus.FAILED) res.status(502);
    return answer;
  }
}
