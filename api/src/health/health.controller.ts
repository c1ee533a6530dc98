import { Controller, Get, Logger, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { Database } from '../common/database/database.service';

const logger = new Logger('Health');

@Controller('healthz')
export class HealthController {
  constructor(private readonly db: Database) {}

  /** 200 only once the database answers and migrations (and first-start seeding) are done. */
  @Public()
  @Get()
  async health(@Res() res: Response): Promise<void> {
    const error = await this.db.ping();
    // anyone may ask: the database's own words (host, port, user, its messages) stay in the server log
    if (error) logger.warn(`database unreachable: ${error}`);
    const ok = this.db.ready && !error;
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'unavailable',
      database: error ? 'unreachable' : this.db.ready ? 'ok' : 'preparing',
    });
  }
}
