import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RedundancyResolver } from './redundancy.resolver';
import { RedundancyService } from './redundancy.service';

@Module({ imports: [AuditModule], providers: [RedundancyService, RedundancyResolver], exports: [RedundancyService] })
export class RedundancyModule {}
