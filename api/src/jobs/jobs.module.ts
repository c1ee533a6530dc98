import { Global, Module } from '@nestjs/common';
import { JobsService } from './jobs.service';

/** Background jobs in PostgreSQL (pg-boss); features declare their queues with JobsService.define. */
@Global()
@Module({
  providers: [JobsService],
  exports: [JobsService],
})
export class JobsModule {}
