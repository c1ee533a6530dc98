import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { TeamsModule } from '../teams/teams.module';
import { SecretBox } from './secret-box';
import { SourcesRepository } from './sources.repository';
import { SourcesResolver } from './sources.resolver';
import { SourcesService } from './sources.service';

/**
 * Sources (SPEC §5): their settings and encrypted secrets. The sync engine and the webhook endpoint
 * use SourcesService.connection and SecretBox; incidents name their source through SourcesService.load.
 */
@Module({
  imports: [AuditModule, TeamsModule],
  providers: [SecretBox, SourcesRepository, SourcesService, SourcesResolver],
  exports: [SecretBox, SourcesService],
})
export class SourcesModule {}
