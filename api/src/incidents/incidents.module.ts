import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { RedundancyModule } from '../redundancy/redundancy.module';
import { ServicesModule } from '../services/services.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { SourcesModule } from '../sources/sources.module';
import { TeamsModule } from '../teams/teams.module';
import { IncidentsRepository } from './incidents.repository';
import { IncidentsResolver } from './incidents.resolver';
import { IncidentsService } from './incidents.service';

@Module({
  imports: [AuditModule, AuthModule, TeamsModule, ServicesModule, TaxonomyModule, RedundancyModule, SourcesModule],
  providers: [IncidentsRepository, IncidentsService, IncidentsResolver],
  exports: [IncidentsService],
})
export class IncidentsModule {}
