import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { RedundancyModule } from '../redundancy/redundancy.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { ActionItemsResolver, IncidentActionItemsResolver } from './action-items.resolver';
import { ActionItemsService } from './action-items.service';

@Module({
  imports: [AuditModule, AuthModule, IncidentsModule, TaxonomyModule, RedundancyModule],
  providers: [ActionItemsService, ActionItemsResolver, IncidentActionItemsResolver],
  exports: [ActionItemsService],
})
export class ActionItemsModule {}
