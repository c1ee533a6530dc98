import { SourceFetchError } from '../source-incident';

/** How vendor requests are timed, retried and capped. Tests and benchmarks scale the waits down. */
export interface VendorHttpPolicy {
  /** One request (connect, headers and body) may take this long. */
  timeoutMs: number;
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** First backoff wait; doubled each retry (with jitter), at most `maxDelayMs`. */
  baseDelayMs: number;
  /** No wait is longer, whatever `Retry-After` asks. */
  maxDelayMs: number;
  /** Largest answer read; a bigger one is a PAYLOAD error (a hostile vendor cannot exhaust memory). */
  maxBytes: number;
  /** Waits `ms` (tests record the waits instead of sleeping them). Rejects when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const realSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export const DEFAULT_VENDOR_HTTP_POLICY: VendorHttpPolicy = {
  timeoutMs: 30_000,
  maxAttempts: 6,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  maxBytes: 20 * 1024 * 1024,
  sleep: realSleep,
};

let policy: VendorHttpPolicy = { ...DEFAULT_VENDOR_HTTP_POLICY };

/** Changes the policy for every later request (tests, benchmarks); returns the previous one. */
export function setVendorHttpPolicy(change: Partial<VendorHttpPolicy>): VendorHttpPolicy {
  const previous = policy;
  policy = { ...policy, ...change };
  return previous;
}

export interface VendorGetOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Values that must never appear in an error message (the token); cut out wherever they would. */
  secrets?: Array<string | null | undefined>;
}

/** Network failures worth another attempt (the vendor may be restarting or the path flapping). */
const TRANSIENT = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'TIMEOUT',
]);

class Retryable extends Error {
  constructor(
    readonly final: SourceFetchError,
    readonly retryAfterMs: number | null,
  ) {
    super(final.message);
  }
}

/**
 * GET a JSON document from a vendor: retries 429, 5xx and network failures with exponential backoff
 * (honouring `Retry-After`, capped), answers everything else with a SourceFetchError that names the
 * problem (AUTH, UNREACHABLE, HTTP, PAYLOAD, ABORTED) and never holds the token. Null for a 404 when
 * `allow404` is set.
 */
export async function vendorGetJson(url: string, options: VendorGetOptions & { allow404: true }): Promise<unknown | null>;
export async function vendorGetJson(url: string, options?: VendorGetOptions): Promise<unknown>;
export async function vendorGetJson(url: string, options: VendorGetOptions & { allow404?: boolean } = {}): Promise<unknown | null> {
  const p = policy;
  const secrets = (options.secrets ?? []).filter((s): s is string => !!s && s.length >= 4);
  const clean = (e: SourceFetchError) => redact(e, secrets);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw clean(new SourceFetchError('HTTP', `the base URL does not make a valid address: ${excerpt(url, 120)}`));
  }
  const host = parsed.host;
  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) throw cancelled(options.signal, host);
    try {
      return await attemptOnce(parsed, host, p, options);
    } catch (e) {
      if (e instanceof SourceFetchError) throw clean(e);
      if (!(e instanceof Retryable)) throw e;
      if (attempt >= p.maxAttempts) throw clean(e.final);
      const backoff = Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5));
      const wait = e.retryAfterMs !== null ? Math.min(p.maxDelayMs, Math.max(e.retryAfterMs, 0)) : backoff;
      try {
        await p.sleep(wait, options.signal);
      } catch {
        // the caller's deadline passed while waiting to retry: the last problem says more than "no answer in time"
        const byDeadline = (options.signal?.reason as { name?: string } | undefined)?.name === 'TimeoutError';
        throw clean(options.signal?.aborted && !byDeadline ? cancelled(options.signal, host) : e.final);
      }
    }
  }
}

async function attemptOnce(
  url: URL,
  host: string,
  p: VendorHttpPolicy,
  options: VendorGetOptions & { allow404?: boolean },
): Promise<unknown> {
  const timeout = AbortSignal.timeout(p.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const where = `${url.pathname}${url.search}`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json', ...options.headers }, signal, redirect: 'follow' });
  } catch (e) {
    throw networkProblem(e, host, p, options.signal);
  }
  try {
    if (res.status === 429 || res.status >= 500) {
      await res.body?.cancel().catch(() => undefined);
      throw new Retryable(
        new SourceFetchError('HTTP', `${host} answered HTTP ${res.status} to GET ${excerpt(where, 160)}, also after retrying`, res.status),
        retryAfter(res.headers.get('retry-after')),
      );
    }
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel().catch(() => undefined);
      throw new SourceFetchError(
        'AUTH',
        `the vendor refused the token (HTTP ${res.status}) — check the source's token and its permissions`,
        res.status,
      );
    }
    if (res.status === 404 && options.allow404) {
      await res.body?.cancel().catch(() => undefined);
      return null;
    }
    const text = await readCapped(res, p.maxBytes, host);
    if (res.status < 200 || res.status >= 300) {
      throw new SourceFetchError(
        'HTTP',
        `${host} answered HTTP ${res.status} to GET ${excerpt(where, 160)}${vendorMessage(text)}`,
        res.status,
      );
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new SourceFetchError('PAYLOAD', `${host} did not answer JSON to GET ${excerpt(where, 160)}`, res.status);
    }
  } catch (e) {
    if (e instanceof SourceFetchError || e instanceof Retryable) throw e;
    throw networkProblem(e, host, p, options.signal);
  }
}

/** Reads the body, refusing more than `max` bytes (by Content-Length up front, else while reading). */
async function readCapped(res: Response, max: number, host: string): Promise<string> {
  const tooBig = () => new SourceFetchError('PAYLOAD', `the answer from ${host} is larger than ${Math.round(max / 1024 / 1024)} MB`);
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw tooBig();
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/** The caller gave up: its own deadline (AbortSignal.timeout) reads as an unreachable vendor, anything else as a cancelled pull. */
function cancelled(signal: AbortSignal, host: string): SourceFetchError {
  const reason = signal.reason as { name?: string } | undefined;
  return reason?.name === 'TimeoutError'
    ? new SourceFetchError('UNREACHABLE', `cannot reach ${host}: no answer in the time allowed`)
    : new SourceFetchError('ABORTED', 'the pull was cancelled');
}

function networkProblem(e: unknown, host: string, p: VendorHttpPolicy, callerSignal?: AbortSignal): Error {
  if (callerSignal?.aborted) return cancelled(callerSignal, host);
  const code = errorCode(e);
  if (code === 'TIMEOUT') {
    return new Retryable(
      new SourceFetchError('UNREACHABLE', `cannot reach ${host}: no answer within ${Math.round(p.timeoutMs / 1000)} s`),
      null,
    );
  }
  const final = new SourceFetchError('UNREACHABLE', `cannot reach ${host}: ${code}`);
  // a name that does not resolve, or a port nobody listens on, will not change a second later (and a
  // connection test should say so at once)
  return code === 'ENOTFOUND' || code === 'ECONNREFUSED' || !TRANSIENT.has(code) ? final : new Retryable(final, null);
}

function errorCode(e: unknown): string {
  let cur: any = e;
  for (let depth = 0; cur && depth < 5; depth++, cur = cur.cause) {
    if (cur.name === 'TimeoutError') return 'TIMEOUT';
    if (typeof cur.code === 'string' && cur.code) return cur.code;
    if (Array.isArray(cur.errors) && cur.errors[0]?.code) return String(cur.errors[0].code); // AggregateError (IPv4 and IPv6 both refused)
  }
  return 'network error';
}

/** `Retry-After` as milliseconds: delta seconds or an HTTP date; null when absent or unreadable. */
export function retryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** A vendor's own error text (PagerDuty `error.message`/`errors`, incident.io `errors[].message`), shortened. */
function vendorMessage(text: string): string {
  try {
    const body = JSON.parse(text);
    const parts: string[] = [];
    const e = body?.error;
    if (e && typeof e === 'object') {
      if (typeof e.message === 'string') parts.push(e.message);
      if (Array.isArray(e.errors)) parts.push(...e.errors.filter((x: unknown) => typeof x === 'string'));
    } else if (typeof e === 'string') parts.push(e);
    if (Array.isArray(body?.errors)) for (const x of body.errors) if (typeof x?.message === 'string') parts.push(x.message);
    return parts.length ? `: ${excerpt(parts.join('; '), 300)}` : '';
  } catch {
    return '';
  }
}

const excerpt = (v: string, max: number) => (v.length > max ? `${v.slice(0, max - 1)}…` : v);

function redact(e: SourceFetchError, secrets: string[]): SourceFetchError {
  let message = e.message;
  for (const s of secrets) message = message.split(s).join('***');
  for (const s of secrets) message = message.split(encodeURIComponent(s)).join('***');
  return message === e.message ? e : new SourceFetchError(e.problem, message, e.status);
}
