import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { ReportsModule } from '../reports/reports.module';
import { SourcesModule } from '../sources/sources.module';
import { DigestDeliveryResolver, DigestsResolver } from './digests.resolver';
import { DigestsRepository } from './digests.repository';
import { DigestsService } from './digests.service';
import { DigestsWorker } from './digests.worker';

/** Digests (SPEC §6): the review sent by email or webhook on a schedule, as jobs, every delivery recorded. */
@Module({
  imports: [AuditModule, AuthModule, ReportsModule, SourcesModule],
  providers: [DigestsRepository, DigestsService, DigestsWorker, DigestsResolver, DigestDeliveryResolver],
})
export class DigestsModule {}
