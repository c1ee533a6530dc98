import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Access, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ImportIncidentsInput } from './dto/import-incidents.input';
import { InvalidRowPolicy } from './import.enums';
import { ImportResult } from './import-result.model';
import { ImportsService } from './imports.service';

@Resolver()
export class ImportsResolver {
  constructor(private readonly imports: ImportsService) {}

  @Access('IMPORT', 'RESPONDER', 'ADMIN')
  @Mutation(() => ImportResult, {
    description:
      'Imports incidents idempotently by (source, external id) in one transaction. Needs the IMPORT scope; responders import only into their teams.',
  })
  importIncidents(
    @CurrentPrincipal() p: Principal,
    @Args('input', { description: 'The file content, its format and what to do with invalid rows.' }) input: ImportIncidentsInput,
  ): Promise<ImportResult> {
    return this.imports.import(p, input.content, {
      format: input.format,
      dryRun: input.dryRun ?? false,
      onInvalid: input.onInvalid ?? InvalidRowPolicy.REJECT_ALL,
      createMissing: input.createMissing ?? false,
    });
  }
}
