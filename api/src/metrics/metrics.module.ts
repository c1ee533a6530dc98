import { Module } from '@nestjs/common';
import { RedundancyModule } from '../redundancy/redundancy.module';
import { ServicesModule } from '../services/services.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { MetricsCache } from './metrics.cache';
import { MetricsRepository } from './metrics.repository';
import { MetricsResolver } from './metrics.resolver';
import { MetricsService } from './metrics.service';

/** SPEC §3 metrics: `reliabilityMetrics`. MetricsService is exported for reports, MetricsCache for the other parts of reliabilityMetrics (repeats). */
@Module({
  imports: [ServicesModule, TaxonomyModule, RedundancyModule],
  providers: [MetricsRepository, MetricsCache, MetricsService, MetricsResolver],
  exports: [MetricsService, MetricsCache],
})
export class MetricsModule {}
