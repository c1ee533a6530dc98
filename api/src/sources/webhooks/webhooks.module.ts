import { Module } from '@nestjs/common';
import { SourcesModule } from '../sources.module';
import { SyncModule } from '../sync/sync.module';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Webhook pushes: POST /api/sources/:id/webhook, verified by signature and applied by the sync engine. */
@Module({
  imports: [SourcesModule, SyncModule],
  providers: [WebhooksService],
  controllers: [WebhooksController],
})
export class WebhooksModule {}
