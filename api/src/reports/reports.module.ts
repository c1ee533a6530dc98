import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** The report reads its metrics through the GraphQL schema (reports.service.ts), so it imports no metrics module. */
@Module({
  providers: [ReportsRepository, ReportsService],
  controllers: [ReportsController],
  exports: [ReportsService],
})
export class ReportsModule {}
