import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { TeamsModule } from '../teams/teams.module';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { OidcController } from './oidc/oidc.controller';
import { OidcRepository } from './oidc/oidc.repository';
import { OidcResolver } from './oidc/oidc.resolver';
import { OidcService } from './oidc/oidc.service';

@Module({
  imports: [AuditModule, TeamsModule],
  controllers: [OidcController],
  providers: [
    AuthRepository,
    AuthService,
    AuthResolver,
    OidcRepository,
    OidcService,
    OidcResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
