import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { TaxonomyResolver } from './taxonomy.resolver';
import { TaxonomyService } from './taxonomy.service';

@Module({ imports: [AuditModule], providers: [TaxonomyService, TaxonomyResolver], exports: [TaxonomyService] })
export class TaxonomyModule {}
