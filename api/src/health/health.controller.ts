import { Controller, Get, Logger, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { Database } from '../common/database/database.service';

const logger = new Logger('Health');

@Controller('healthz')
export class HealthController {
  /** The last failure logged, so an outage is logged when it starts and ends, not on every probe. */
  private lastError: string | null = null;

  constructor(private readonly db: Database) {}

  /** 200 only once the database answers and migrations (and first-start seeding) are done. */
  @Public()
  @Get()
  async health(@Res() res: Response): Promise<void> {
    // before the first connection the database is being prepared, not unreachable
    const error = this.db.connected ? await this.db.ping() : null;
    // anyone may ask: the database's own words (host, port, user, its messages) stay in the server log
    if (error !== this.lastError) {
      if (error) logger.warn(`database unreachable: ${error}`);
      else if (this.lastError) logger.log('database reachable again');
      this.lastError = error;
    }
    const ok = this.db.ready && !error;
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'unavailable',
      database: error ? 'unreachable' : this.db.ready ? 'ok' : 'preparing',
    });
  }
}
