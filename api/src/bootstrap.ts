import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { seedDemoData } from '../../db/seeds/demo-data';
import { AppModule, WEB_DIST } from './app.module';
import { AuthService } from './auth/auth.service';
import { Database } from './common/database/database.service';
import { installBodyParsers } from './common/http/body-parsers';
import { installQueryChecks } from './common/http/query-checks';
import { JobsService } from './jobs/jobs.service';
import { validationPipe } from './common/validation';
import { MetricsRepository } from './metrics/metrics.repository';
import { AppConfig } from './config';

/** Builds the Nest application with its HTTP hardening; nothing touches the database yet. */
export async function createApp(config: AppConfig, quiet = false): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    logger: quiet ? ['error'] : ['warn', 'error'],
  });
  // the client's address (throttling, audit) comes from X-Forwarded-For only through the proxies named here
  app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // GraphiQL (development only) loads its page script inline and from unpkg
          scriptSrc: ["'self'", ...(config.production ? [] : ["'unsafe-inline'", 'https://unpkg.com'])],
          styleSrc: ["'self'", "'unsafe-inline'", ...(config.production ? [] : ['https://unpkg.com'])],
          imgSrc: ["'self'", 'data:'],
        },
      },
    }),
  );
  // JSON bodies, with a limit by caller (authenticated before the body is read), errors as JSON
  installQueryChecks(app);
  installBodyParsers(app);
  app.useGlobalPipes(validationPipe);
  app.enableShutdownHooks();
  return app;
}

/**
 * Connects, migrates, creates the first admin and (on a first start with demo data on) seeds,
 * then marks the app ready for /healthz. Returns what the console should say.
 *
 * After a first start's seeding, the metrics' stored cells are built once the app is ready rather than
 * before (a second on the embedded database, a tenth of a first start): until they are, metric queries
 * read the months not built yet from the incidents (exact, metrics.rollup.ts), and requests share the
 * rebuild under way instead of starting another (MetricsRepository.refreshRollups).
 */
export async function prepare(app: NestExpressApplication, config: AppConfig): Promise<string[]> {
  const notes: string[] = [];
  const db = app.get(Database);
  const started = Date.now();
  await db.connect();
  let seeded = false;
  const adminNote = await db.prepareOnce(async () => {
    const note = await app.get(AuthService).bootstrapAdmin();
    if (config.demoData) {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM incident`);
      if (n === 0) {
        const t0 = Date.now();
        const made = await seedDemoData(db.manager, {});
        seeded = true;
        notes.push(`demo data: ${made.incidents} incidents on ${made.services} services (${Date.now() - t0} ms)`);
      }
    }
    // the jobs' schema and queues before /healthz says ready (syncSource queues a job); workers start when
    // HINDSIGHT_RUN_JOBS. Under the startup lock: pg-boss's own schema creation deadlocks when replicas race.
    await app.get(JobsService).start();
    return note;
  });
  db.markReady();
  if (seeded) {
    // the dashboard's cells, right after: the first visit finds them built or being built
    void app.get(MetricsRepository).refreshRollups(Infinity); // logs its own failure
  }
  notes.push(`database ready in ${Date.now() - started} ms`);
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  notes.push(
    `Hindsight listening on http://${host}:${config.port} (database: ${db.description}; web app: ${WEB_DIST ? 'served' : 'not built'})`,
  );
  if (adminNote) notes.push(adminNote);
  return notes;
}

export const logNotes = (notes: string[]) => notes.forEach((n) => console.log(n));
