import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { MetricsModule } from '../metrics/metrics.module';
import {
  IncidentPostMortemResolver,
  LoopSettingsResolver,
  MetricsReviewsResolver,
  ReviewCompletionResolver,
  ReviewsResolver,
} from './reviews.resolver';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

/** Reviews (post-mortems) and the loop settings (SPEC §6). */
@Module({
  imports: [AuditModule, AuthModule, IncidentsModule, MetricsModule],
  providers: [
    ReviewsRepository,
    ReviewsService,
    ReviewsResolver,
    IncidentPostMortemResolver,
    LoopSettingsResolver,
    MetricsReviewsResolver,
    ReviewCompletionResolver,
  ],
  exports: [ReviewsService],
})
export class ReviewsModule {}
