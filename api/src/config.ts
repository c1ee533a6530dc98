import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Runtime configuration of SPEC §4, read once from the environment. */
export interface AppConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  demoData: boolean;
  adminEmail?: string;
  adminPassword?: string;
  production: boolean;
  sessionHours: number;
}

function bool(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new Error(`${name} must be true or false, got "${value}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port,
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    dataDir: resolve(env.HINDSIGHT_DATA_DIR || './.hindsight'),
    demoData: bool(env.HINDSIGHT_DEMO_DATA, !databaseUrl, 'HINDSIGHT_DEMO_DATA'),
    adminEmail: env.HINDSIGHT_ADMIN_EMAIL || undefined,
    adminPassword: env.HINDSIGHT_ADMIN_PASSWORD || undefined,
    production: env.NODE_ENV === 'production',
    sessionHours: Number(env.HINDSIGHT_SESSION_HOURS ?? 12),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The repository root (the folder holding api/ and web/), from source or from api/dist alike. */
export function repoRoot(from = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'api/package.json')) && existsSync(join(dir, 'package.json'))) return dir;
  }
  return process.cwd();
}
