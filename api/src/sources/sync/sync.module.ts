import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { SourcesModule } from '../sources.module';
import { SourceLastRunResolver, SyncResolver } from './sync.resolver';
import { SyncRepository } from './sync.repository';
import { SyncService } from './sync.service';
import { SyncWorker } from './sync.worker';

/**
 * The sync engine (SPEC §5 Behaviour): pulls as jobs in PostgreSQL, the schedule, the batch writes
 * shared with webhook pushes, and the SyncRun API.
 */
@Module({
  imports: [AuditModule, SourcesModule],
  providers: [SyncRepository, SyncService, SyncWorker, SyncResolver, SourceLastRunResolver],
  exports: [SyncService],
})
export class SyncModule {}
