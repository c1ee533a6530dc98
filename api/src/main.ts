import { prestartEmbeddedPostgres } from './common/database/embedded-postgres';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfig();
  // the embedded database starts (on a first start: initdb, seconds) in its own thread while the app loads
  if (!config.databaseUrl) prestartEmbeddedPostgres(config.dataDir);
  // loaded only now (a require, not a hoisted import), so the database thread starts first
  const { createApp, logNotes, prepare } = require('./bootstrap') as typeof import('./bootstrap');
  const app = await createApp(config);
  // listen first, so /healthz answers 503 while the database is prepared
  await app.listen(config.port, config.host);
  logNotes(await prepare(app, config));
}

main().catch((err) => {
  console.error('Hindsight failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
