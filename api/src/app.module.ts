import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ActionItemsModule } from './action-items/action-items.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AuthService } from './auth/auth.service';
import { DatabaseModule } from './common/database/database.module';
import { DigestsModule } from './digests/digests.module';
import { DomainError } from './common/errors/domain-error';
import { formatError } from './common/errors/format-error';
import { httpStatusPlugin } from './common/errors/http-status.plugin';
import type { RequestContext } from './common/graphql/context';
import { inputChecksPlugin } from './common/graphql/input-checks';
import { complexityPlugin, limitRules, MAX_TOKENS } from './common/graphql/limits';
import { noStorePlugin } from './common/graphql/no-store.plugin';
import { RequestLoaders } from './common/graphql/loaders';
import { loadConfig, repoRoot } from './config';
import { HealthController } from './health/health.controller';
import { IncidentsModule } from './incidents/incidents.module';
import { MetricsModule } from './metrics/metrics.module';
import { ExportsModule } from './exports/exports.module';
import { ImportsModule } from './imports/imports.module';
import { JobsModule } from './jobs/jobs.module';
import { RedundancyModule } from './redundancy/redundancy.module';
import { RepeatsModule } from './repeats/repeats.module';
import { ReportsModule } from './reports/reports.module';
import { ReviewsModule } from './reviews/reviews.module';
import { ServicesModule } from './services/services.module';
import { SourcesModule } from './sources/sources.module';
import { SyncModule } from './sources/sync/sync.module';
import { WebhooksModule } from './sources/webhooks/webhooks.module';
import { TaxonomyModule } from './taxonomy/taxonomy.module';
import { TeamsModule } from './teams/teams.module';

/** The built web app: web/dist beside the api workspace. */
export const WEB_DIST = existsSync(join(repoRoot(), 'web/dist/index.html')) ? join(repoRoot(), 'web/dist') : undefined;
/** Where the code-first schema is printed, for review and for the web app's type generation. */
export const SCHEMA_FILE = join(repoRoot(), 'api/schema.gql');

const production = loadConfig().production;

@Module({
  imports: [
    DatabaseModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [AuthModule],
      inject: [AuthService],
      useFactory: (auth: AuthService) => ({
        autoSchemaFile: production ? true : SCHEMA_FILE,
        sortSchema: true,
        path: '/graphql',
        introspection: !production,
        includeStacktraceInErrorResponses: false,
        hideSchemaDetailsFromClientErrors: production,
        csrfPrevention: true,
        allowBatchedHttpRequests: false,
        // our httpStatusPlugin decides the status (429 for throttling); Nest's default would force 200
        preserveHttpStatusForExecutionErrors: false,
        playground: false,
        graphiql: !production,
        buildSchemaOptions: { dateScalarMode: 'isoDate', numberScalarMode: 'float' },
        validationRules: limitRules,
        // the parser stops at MAX_TOKENS, before a huge document can hold the event loop
        parseOptions: { maxTokens: MAX_TOKENS },
        // Apollo's cache-control plugin, on by default, wraps every field's resolver to gather cache hints; the API sets
        // none (answers are private to the reader and cached server-side, MetricsCache), so it is off: a CPU profile of
        // the warm overview under 50 users had that wrapping at about 4 % of the API's time. Its one effect, the
        // `Cache-Control: no-store` header, comes from noStorePlugin.
        plugins: [
          inputChecksPlugin,
          complexityPlugin(),
          httpStatusPlugin,
          noStorePlugin,
          ApolloServerPluginCacheControlDisabled(),
        ] as unknown as ApolloDriverConfig['plugins'],
        formatError,
        context: async ({ req, res }: Pick<RequestContext, 'req' | 'res'>): Promise<RequestContext> => {
          const ctx: RequestContext = { req, res, principal: null, loaders: new RequestLoaders() };
          try {
            // the body parser authenticated the caller already (to choose its body limit)
            ctx.principal = req.principal !== undefined ? req.principal : await auth.authenticate(req);
          } catch {
            ctx.authError = new DomainError('SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly');
          }
          return ctx;
        },
      }),
    }),
    ...(WEB_DIST ? [ServeStaticModule.forRoot({ rootPath: WEB_DIST, exclude: ['/graphql', '/api/{*path}', '/healthz'] })] : []),
    AuditModule,
    AuthModule,
    TeamsModule,
    ServicesModule,
    TaxonomyModule,
    RedundancyModule,
    IncidentsModule,
    MetricsModule,
    ImportsModule,
    ExportsModule,
    ReportsModule,
    DigestsModule,
    ActionItemsModule,
    RepeatsModule,
    ReviewsModule,
    SourcesModule,
    JobsModule,
    SyncModule,
    WebhooksModule,
  ],
  controllers: [HealthController],
})
export class AppModule {}
