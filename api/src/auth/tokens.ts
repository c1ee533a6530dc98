import { createHash, randomBytes } from 'node:crypto';

/** A secret shown once; only its SHA-256 is stored (the secret is random, so no salt is needed). */
export function newSecret(prefix: 'hss' | 'hst'): { secret: string; hash: string } {
  const secret = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
