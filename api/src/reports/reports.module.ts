import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { RedundancyModule } from '../redundancy/redundancy.module';
import { ServicesModule } from '../services/services.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

@Module({
  imports: [MetricsModule, TaxonomyModule, ServicesModule, RedundancyModule],
  providers: [ReportsRepository, ReportsService],
  controllers: [ReportsController],
})
export class ReportsModule {}
