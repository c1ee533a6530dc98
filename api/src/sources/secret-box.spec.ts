import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config';
import { parseSecretKey, SecretBox, SecretBoxError } from './secret-box';

const HEX_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const box = (env: Record<string, string>) => new SecretBox(loadConfig(env));
const WITH_DB = { DATABASE_URL: 'postgres://x@127.0.0.1/x' };

describe('parseSecretKey', () => {
  it('takes 64 hex characters as the 32 bytes they spell', () => {
    expect(parseSecretKey(HEX_KEY).toString('hex')).toBe(HEX_KEY);
  });

  it('takes base64 (standard or URL-safe, with or without padding) of exactly 32 bytes as those bytes', () => {
    const bytes = Buffer.from(HEX_KEY, 'hex');
    expect(parseSecretKey(bytes.toString('base64')).equals(bytes)).toBe(true);
    expect(parseSecretKey(bytes.toString('base64url')).equals(bytes)).toBe(true);
  });

  it('stretches a passphrase of 16 or more characters into 32 bytes, the same every time, different per passphrase', () => {
    const a = parseSecretKey('correct horse battery staple');
    expect(a).toHaveLength(32);
    expect(parseSecretKey('correct horse battery staple').equals(a)).toBe(true);
    expect(parseSecretKey('correct horse battery stapler').equals(a)).toBe(false);
  });

  it('refuses a short key, naming the variable', () => {
    expect(() => parseSecretKey('too-short')).toThrow(/HINDSIGHT_SECRET_KEY/);
  });
});

describe('SecretBox', () => {
  it('round-trips text, with a fresh IV (so a different sealed text) every time, in the v1 format', () => {
    const b = box({ ...WITH_DB, HINDSIGHT_SECRET_KEY: HEX_KEY });
    const secret = 'u+pdtoken_ÄÖ-🔑';
    const a = b.seal(secret);
    const c = b.seal(secret);
    expect(a).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(c);
    expect(a).not.toContain(secret);
    expect(b.open(a)).toBe(secret);
    expect(b.open(c)).toBe(secret);
    expect(b.open(b.seal(''))).toBe('');
  });

  it('refuses to open with another key, with an error naming HINDSIGHT_SECRET_KEY and not holding the secret', () => {
    const sealed = box({ ...WITH_DB, HINDSIGHT_SECRET_KEY: HEX_KEY }).seal('the-real-token');
    const other = box({ ...WITH_DB, HINDSIGHT_SECRET_KEY: 'another passphrase entirely' });
    let error: unknown;
    try {
      other.open(sealed);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SecretBoxError);
    expect((error as SecretBoxError).problem).toBe('WRONG_KEY');
    expect((error as Error).message).toMatch(/HINDSIGHT_SECRET_KEY/);
    expect((error as Error).message).not.toContain('the-real-token');
  });

  it('refuses altered or malformed sealed text', () => {
    const b = box({ ...WITH_DB, HINDSIGHT_SECRET_KEY: HEX_KEY });
    const [v, iv, tag, ct] = b.seal('abcdef').split(':');
    const flipped = Buffer.from(ct, 'base64');
    flipped[0] ^= 1;
    expect(() => b.open([v, iv, tag, flipped.toString('base64')].join(':'))).toThrow(SecretBoxError);
    expect(() => b.open('plain-token')).toThrow(/damaged/);
    expect(() => b.open(`v2:${iv}:${tag}:${ct}`)).toThrow(/damaged/);
  });

  it('with DATABASE_URL and no key: starts, but sealing and opening fail naming HINDSIGHT_SECRET_KEY', () => {
    const b = box(WITH_DB);
    expect(b.configured).toBe(false);
    expect(() => b.seal('x')).toThrow(/HINDSIGHT_SECRET_KEY is not set/);
  });

  it('refuses to start with a malformed HINDSIGHT_SECRET_KEY', () => {
    expect(() => box({ ...WITH_DB, HINDSIGHT_SECRET_KEY: 'short' })).toThrow(/HINDSIGHT_SECRET_KEY/);
  });

  describe('on the embedded default without a key', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'hindsight-secret-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('generates a key once into <dataDir>/secret.key (mode 0600) and reuses it after a restart', () => {
      const dataDir = join(dir, 'data');
      const first = box({ HINDSIGHT_DATA_DIR: dataDir });
      expect(first.configured).toBe(true);
      const sealed = first.seal('kept across restarts');
      const file = join(dataDir, 'secret.key');
      expect(readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const again = box({ HINDSIGHT_DATA_DIR: dataDir });
      expect(again.open(sealed)).toBe('kept across restarts');
      expect(readFileSync(file, 'utf8').trim()).toHaveLength(64);
      // the generated key is an ordinary key: set as HINDSIGHT_SECRET_KEY it opens the same secrets
      const moved = box({ ...WITH_DB, HINDSIGHT_SECRET_KEY: readFileSync(file, 'utf8') });
      expect(moved.open(sealed)).toBe('kept across restarts');
    });

    it('a set HINDSIGHT_SECRET_KEY wins over the key file', () => {
      const dataDir = join(dir, 'data');
      const sealed = box({ HINDSIGHT_DATA_DIR: dataDir, HINDSIGHT_SECRET_KEY: HEX_KEY }).seal('s');
      expect(() => box({ HINDSIGHT_DATA_DIR: dataDir }).open(sealed)).toThrow(/cannot be opened/);
      expect(box({ HINDSIGHT_DATA_DIR: dataDir, HINDSIGHT_SECRET_KEY: HEX_KEY }).open(sealed)).toBe('s');
    });
  });
});
