import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsResolver } from './imports.resolver';
import { ImportsService } from './imports.service';

@Module({
  imports: [AuditModule],
  providers: [ImportsRepository, ImportsService, ImportsResolver],
  controllers: [ImportsController],
  exports: [ImportsService],
})
export class ImportsModule {}
