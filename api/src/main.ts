import { createApp, logNotes, prepare } from './bootstrap';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  // listen first, so /healthz answers 503 while the database is prepared
  await app.listen(config.port, config.host);
  logNotes(await prepare(app, config));
}

main().catch((err) => {
  console.error('Hindsight failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
