import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { ServicesModule } from '../services/services.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { RepeatsRepository } from './repeats.repository';
import { IncidentRepeatsResolver, MetricsRepeatsResolver, RepeatStatsResolver } from './repeats.resolver';
import { RepeatsService } from './repeats.service';

/** SPEC §6 repeat incidents and fixes that did not hold: Incident.repeatOf/repeatedBy and two parts of reliabilityMetrics. */
@Module({
  imports: [MetricsModule, ServicesModule, TaxonomyModule],
  providers: [RepeatsRepository, RepeatsService, IncidentRepeatsResolver, MetricsRepeatsResolver, RepeatStatsResolver],
})
export class RepeatsModule {}
