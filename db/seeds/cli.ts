/**
 * Seeds demo data into an already migrated database, e.g. for benchmarks:
 *
 *   node api/dist/db/seeds/cli.js --incidents 1000000 [--seed 42] [--database-url URL] [--now ISO] [--batch-size N]
 *
 * The database comes from --database-url, else DATABASE_URL.
 */
import { Client } from 'pg';
import { clientSnapshots, refreshRollups } from '../../api/src/metrics/metrics.rollup';
import { DEFAULT_DEMO_INCIDENTS, seedDemoData } from './demo-data';

const USAGE = `usage: node api/dist/db/seeds/cli.js [--incidents N] [--seed N] [--database-url URL] [--now ISO-8601] [--batch-size N]

  --incidents     incidents to generate (default ${DEFAULT_DEMO_INCIDENTS})
  --seed          PRNG seed (default 42); the same seed, count and --now give the same data
  --database-url  PostgreSQL URL of a migrated database (default: $DATABASE_URL)
  --now           end of the two-year window (default: the current time)
  --batch-size    incidents per INSERT statement (default 10000)`;

interface Args {
  incidents: number;
  seed: number;
  databaseUrl?: string;
  now?: Date;
  batchSize?: number;
}

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function integer(flag: string, value: string, min: number): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min) fail(`${flag} must be an integer ≥ ${min}, got "${value}"`);
  return n;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { incidents: DEFAULT_DEMO_INCIDENTS, seed: 42, databaseUrl: process.env.DATABASE_URL || undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    const value = inline ?? argv[++i];
    if (value === undefined) fail(`${flag} needs a value`);
    switch (flag) {
      case '--incidents':
        args.incidents = integer(flag, value, 0);
        break;
      case '--seed':
        args.seed = integer(flag, value, 0);
        break;
      case '--database-url':
        args.databaseUrl = value;
        break;
      case '--now':
        args.now = new Date(value);
        if (Number.isNaN(args.now.getTime())) fail(`--now must be an ISO 8601 timestamp, got "${value}"`);
        break;
      case '--batch-size':
        args.batchSize = integer(flag, value, 1);
        break;
      default:
        fail(`unknown argument "${argv[i]}"`);
    }
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.databaseUrl) fail('no database: pass --database-url or set DATABASE_URL');

  const client = new Client({ connectionString: args.databaseUrl });
  await client.connect();
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  const fmt = (n: number) => n.toLocaleString('en-US');
  try {
    const result = await seedDemoData(client, {
      incidents: args.incidents,
      seed: args.seed,
      now: args.now,
      batchSize: args.batchSize,
      onProgress: (done) => {
        const s = elapsed();
        const percent = ((100 * done) / args.incidents).toFixed(0).padStart(3);
        console.log(
          `${fmt(done).padStart(12)} / ${fmt(args.incidents)} incidents ${percent} %  ${s.toFixed(1)} s  ${fmt(Math.round(done / s))}/s`,
        );
      },
    });
    const skipped = args.incidents - result.incidents;
    console.log(
      `seeded ${fmt(result.incidents)} incidents` +
        (skipped > 0 ? ` (${fmt(skipped)} already existed)` : '') +
        ` for ${result.services} services of ${result.teams} teams in ${elapsed().toFixed(1)} s`,
    );
    // the metrics' monthly cells, so the first dashboard does not rebuild them (docs/performance.md §Metrics)
    const t0 = elapsed();
    const months = await refreshRollups(clientSnapshots(client));
    console.log(`built the metric rollups of ${months} months in ${(elapsed() - t0).toFixed(1)} s`);
  } finally {
    await client.end();
  }
}

main().catch((err: Error & { code?: string }) => {
  if (err.code === '42P01' || err.code === '42704') {
    console.error(`the database is not migrated (${err.message}); start the server once or run the migrations first`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
