import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RedundancyModule } from '../redundancy/redundancy.module';
import { TeamsModule } from '../teams/teams.module';
import { ServicesRepository } from './services.repository';
import { ServicesResolver, TeamServicesResolver } from './services.resolver';
import { ServicesService } from './services.service';

@Module({
  imports: [AuditModule, TeamsModule, RedundancyModule],
  providers: [ServicesRepository, ServicesService, ServicesResolver, TeamServicesResolver],
  exports: [ServicesService],
})
export class ServicesModule {}
