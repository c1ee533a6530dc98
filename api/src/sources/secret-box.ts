import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from '../config';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_FILE = 'secret.key';

/**
 * A secret could not be sealed or opened: no key configured, a wrong key, or damaged sealed text.
 * The message names the cause and HINDSIGHT_SECRET_KEY, never the secret.
 */
export class SecretBoxError extends Error {
  constructor(
    readonly problem: 'NO_KEY' | 'WRONG_KEY' | 'MALFORMED',
    message: string,
  ) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/**
 * The 32-byte key from HINDSIGHT_SECRET_KEY: 64 hex characters, or base64 (standard or URL-safe) of
 * exactly 32 bytes, are used as they are; any other text of at least 16 characters is a passphrase,
 * stretched with HKDF-SHA-256 (fixed salt and label, so the same text always gives the same key).
 */
export function parseSecretKey(value: string): Buffer {
  const v = value.trim();
  if (/^[0-9a-f]{64}$/i.test(v)) return Buffer.from(v, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(v)) {
    const bytes = Buffer.from(v.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === 32) return bytes;
  }
  if (v.length >= 16) return Buffer.from(hkdfSync('sha256', v, 'hindsight', 'hindsight secret box v1', 32));
  throw new Error(
    'HINDSIGHT_SECRET_KEY must be 32 bytes written as 64 hex characters or as base64, or a passphrase of at least 16 characters',
  );
}

/**
 * Encrypts the secrets Hindsight must give back to a vendor (source tokens, webhook secrets) with
 * AES-256-GCM: a random 12-byte IV per seal, and the authentication tag, so a wrong key or altered
 * text is refused rather than decrypted into garbage. Sealed text: `v1:<iv>:<tag>:<ciphertext>`
 * (base64 each).
 *
 * The key is HINDSIGHT_SECRET_KEY. Without it, the embedded default (no DATABASE_URL) generates
 * 32 random bytes once into `<HINDSIGHT_DATA_DIR>/secret.key` (mode 0600) and keeps using them;
 * with DATABASE_URL, where several instances share the database and must share the key, nothing
 * is generated: `seal` and `open` throw a SecretBoxError naming HINDSIGHT_SECRET_KEY (the server
 * still starts; only storing or using a secret fails).
 */
@Injectable()
export class SecretBox {
  private key?: Buffer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // a malformed key stops the start at once rather than at the first source edit
    if (config.secretKey) this.key = parseSecretKey(config.secretKey);
  }

  /** Whether a key is available (configured, or the embedded default's key file); never creates one. */
  get configured(): boolean {
    return this.key !== undefined || !this.config.databaseUrl;
  }

  seal(plain: string): string {
    const key = this.currentKey();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv);
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return ['v1', iv.toString('base64'), tag.toString('base64'), ciphertext.toString('base64')].join(':');
  }

  open(sealed: string): string {
    const parts = sealed.split(':');
    if (parts.length !== 4 || parts[0] !== 'v1') {
      throw new SecretBoxError('MALFORMED', 'A stored secret is damaged (not sealed text of this version); enter it again');
    }
    const [, iv, tag, ciphertext] = parts.map((p) => Buffer.from(p, 'base64'));
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw new SecretBoxError('MALFORMED', 'A stored secret is damaged (not sealed text of this version); enter it again');
    }
    const key = this.currentKey();
    try {
      const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError(
        'WRONG_KEY',
        'A stored secret cannot be opened with the current HINDSIGHT_SECRET_KEY (was the key changed?); set the key it was stored with, or enter the secret again',
      );
    }
  }

  private currentKey(): Buffer {
    if (this.key) return this.key;
    if (this.config.databaseUrl) {
      throw new SecretBoxError(
        'NO_KEY',
        'HINDSIGHT_SECRET_KEY is not set, so tokens and webhook secrets cannot be stored or used; set it (64 hex characters, e.g. from `openssl rand -hex 32`) on every instance and restart',
      );
    }
    this.key = this.keyFile();
    return this.key;
  }

  /** The embedded default's key: read from the data directory, or generated there once. */
  private keyFile(): Buffer {
    const path = join(this.config.dataDir, KEY_FILE);
    mkdirSync(this.config.dataDir, { recursive: true });
    try {
      // 'wx': never overwrite a key that exists (another start may have just written it)
      writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    try {
      return parseSecretKey(readFileSync(path, 'utf8'));
    } catch {
      throw new SecretBoxError('NO_KEY', `${path} does not hold a key; restore it, or set HINDSIGHT_SECRET_KEY`);
    }
  }
}
