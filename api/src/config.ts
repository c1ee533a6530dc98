import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Role } from './auth/principal';

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
  /**
   * Express's `trust proxy` setting from HINDSIGHT_TRUST_PROXY (e.g. `loopback`, a CIDR list or a hop
   * count): only these proxies' `X-Forwarded-For` names the client. False (trust none) when unset.
   */
  trustProxy: boolean | number | string;
  /** Largest upload (import body, webhook body) in bytes, HINDSIGHT_IMPORT_MAX_BYTES; default 512 MB. */
  importMaxBytes: number;
  /** An upload that sends nothing for this long is answered 408 (HINDSIGHT_UPLOAD_IDLE_MS, internal; default 30 s). */
  uploadIdleMs: number;
  /** Single sign-on through OpenID Connect (docs/sso.md); undefined (off) when HINDSIGHT_OIDC_ISSUER is unset. */
  oidc?: OidcConfig;
  /**
   * HINDSIGHT_SECRET_KEY as given: the key that encrypts stored secrets (source tokens, webhook secrets).
   * Parsed and checked by SecretBox (sources/secret-box.ts); unset on the embedded default means a key
   * generated once into `<dataDir>/secret.key`.
   */
  secretKey?: string;
  /**
   * HINDSIGHT_PUBLIC_URL: the address users and vendors reach this server at (e.g. `https://hindsight.example.com`),
   * used for the webhook URLs shown to admins. Unset: taken from each request (Host, and X-Forwarded-Host/-Proto
   * through the proxies of HINDSIGHT_TRUST_PROXY). No trailing slash.
   */
  publicUrl?: string;
  /**
   * HINDSIGHT_RUN_JOBS (default true): whether this instance works background jobs (source syncs) and
   * keeps their schedule. Every instance can queue jobs; turn it off on instances that should only serve.
   */
  runJobs: boolean;
  /** A running job's lease (HINDSIGHT_JOB_LEASE_SECONDS, internal; default 60 s): a dead worker's job is retried after it. */
  jobLeaseSeconds: number;
  /** How often an idle worker looks for a job (HINDSIGHT_JOB_POLL_SECONDS, internal; default 2 s). */
  jobPollSeconds: number;
  /**
   * HINDSIGHT_SMTP_URL: the SMTP server email digests go through, e.g. `smtp://user:pass@host:587` (STARTTLS when
   * offered) or `smtps://user:pass@host:465`; `?from=hindsight@example.com` sets the sender. Unset: email digests fail
   * with a clear error. It holds a password: never logged or shown.
   */
  smtpUrl?: string;
  /** The wait before a failed digest delivery is tried again (HINDSIGHT_DIGEST_RETRY_SECONDS, internal; default 60 s, doubling). */
  digestRetrySeconds: number;
}

export interface OidcConfig {
  /** The provider's issuer URL; its discovery document is read from `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE only, no client authentication). */
  clientSecret?: string;
  /** This app's callback as registered at the provider. */
  redirectUrl: string;
  /** Role of users created by their first SSO sign-in. */
  defaultRole: Role;
  /** Lower-case email domains allowed to sign in; empty allows every domain. */
  allowedDomains: string[];
}

function bool(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new Error(`${name} must be true or false, got "${value}"`);
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got "${value}"`);
  return n;
}

/** HINDSIGHT_TRUST_PROXY in Express's `trust proxy` syntax; unset trusts no proxy. */
function trustProxy(value: string | undefined): boolean | number | string {
  const v = value?.trim();
  if (!v || /^(false|0|no|none)$/i.test(v)) return false;
  if (/^\d+$/.test(v)) return Number(v); // the number of proxy hops in front of the app
  if (/^true$/i.test(v)) return true; // every proxy: only when nothing reaches the app except through one
  return v;
}

function oidcConfig(env: NodeJS.ProcessEnv, host: string, port: number, production: boolean): OidcConfig | undefined {
  const issuer = env.HINDSIGHT_OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  const url = (value: string, name: string) => {
    if (!/^https?:$/.test(URL.parse(value)?.protocol ?? '')) throw new Error(`${name} must be an http(s) URL, got "${value}"`);
    return value;
  };
  // tokens and keys come from the issuer: plain http only to a provider on this machine, or outside production
  const { protocol, hostname } = new URL(url(issuer, 'HINDSIGHT_OIDC_ISSUER'));
  if (production && protocol === 'http:' && !/^(localhost|127(\.\d+){3}|\[::1\])$/.test(hostname)) {
    throw new Error(`HINDSIGHT_OIDC_ISSUER must be an https URL in production, got "${issuer}"`);
  }
  const clientId = env.HINDSIGHT_OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new Error('HINDSIGHT_OIDC_CLIENT_ID is required when HINDSIGHT_OIDC_ISSUER is set');
  const role = (env.HINDSIGHT_OIDC_DEFAULT_ROLE?.trim() || 'VIEWER').toUpperCase();
  if (!['VIEWER', 'RESPONDER', 'ADMIN'].includes(role)) {
    throw new Error(`HINDSIGHT_OIDC_DEFAULT_ROLE must be VIEWER, RESPONDER or ADMIN, got "${env.HINDSIGHT_OIDC_DEFAULT_ROLE}"`);
  }
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return {
    issuer,
    clientId,
    clientSecret: env.HINDSIGHT_OIDC_CLIENT_SECRET || undefined,
    redirectUrl: url(
      env.HINDSIGHT_OIDC_REDIRECT_URL?.trim() || `http://${hostInUrl}:${port}/api/auth/oidc/callback`,
      'HINDSIGHT_OIDC_REDIRECT_URL',
    ),
    defaultRole: role as Role,
    allowedDomains: (env.HINDSIGHT_OIDC_ALLOWED_DOMAINS ?? '')
      .split(',')
      .map((d) => d.trim().replace(/^@/, '').toLowerCase())
      .filter(Boolean),
  };
}

/** HINDSIGHT_PUBLIC_URL: an http(s) URL without credentials, query or fragment; the trailing slash dropped. */
function publicUrl(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  const u = URL.parse(v);
  if (!u || !/^https?:$/.test(u.protocol) || u.username || u.password || u.search || u.hash) {
    throw new Error(`HINDSIGHT_PUBLIC_URL must be an http(s) URL such as https://hindsight.example.com, got "${v}"`);
  }
  return `${u.origin}${u.pathname}`.replace(/\/+$/, '');
}

/** HINDSIGHT_SMTP_URL: an smtp:// or smtps:// URL with a host (the error never repeats the value: it may hold a password). */
function smtpUrl(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  const u = URL.parse(v);
  if (!u || !/^smtps?:$/.test(u.protocol) || !u.hostname) {
    throw new Error('HINDSIGHT_SMTP_URL must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.com:587');
  }
  return v;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const databaseUrl = env.DATABASE_URL || undefined;
  const host = env.HOST || '127.0.0.1';
  return {
    port,
    host,
    databaseUrl,
    dataDir: resolve(env.HINDSIGHT_DATA_DIR || './.hindsight'),
    demoData: bool(env.HINDSIGHT_DEMO_DATA, !databaseUrl, 'HINDSIGHT_DEMO_DATA'),
    adminEmail: env.HINDSIGHT_ADMIN_EMAIL || undefined,
    adminPassword: env.HINDSIGHT_ADMIN_PASSWORD || undefined,
    production: env.NODE_ENV === 'production',
    sessionHours: Number(env.HINDSIGHT_SESSION_HOURS ?? 12),
    trustProxy: trustProxy(env.HINDSIGHT_TRUST_PROXY),
    importMaxBytes: positiveInt(env.HINDSIGHT_IMPORT_MAX_BYTES, 512 * 1024 * 1024, 'HINDSIGHT_IMPORT_MAX_BYTES'),
    uploadIdleMs: positiveInt(env.HINDSIGHT_UPLOAD_IDLE_MS, 30_000, 'HINDSIGHT_UPLOAD_IDLE_MS'),
    oidc: oidcConfig(env, host, port, env.NODE_ENV === 'production'),
    secretKey: env.HINDSIGHT_SECRET_KEY || undefined,
    publicUrl: publicUrl(env.HINDSIGHT_PUBLIC_URL),
    runJobs: bool(env.HINDSIGHT_RUN_JOBS, true, 'HINDSIGHT_RUN_JOBS'),
    jobLeaseSeconds: positiveInt(env.HINDSIGHT_JOB_LEASE_SECONDS, 60, 'HINDSIGHT_JOB_LEASE_SECONDS'),
    jobPollSeconds: positiveInt(env.HINDSIGHT_JOB_POLL_SECONDS, 2, 'HINDSIGHT_JOB_POLL_SECONDS'),
    smtpUrl: smtpUrl(env.HINDSIGHT_SMTP_URL),
    digestRetrySeconds: positiveInt(env.HINDSIGHT_DIGEST_RETRY_SECONDS, 60, 'HINDSIGHT_DIGEST_RETRY_SECONDS'),
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
