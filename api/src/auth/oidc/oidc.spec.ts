import { loadConfig } from '../../config';
import { emailDomainAllowed } from './oidc.service';

describe('single sign-on settings (HINDSIGHT_OIDC_*)', () => {
  const base = { HINDSIGHT_OIDC_ISSUER: 'https://id.example.com/realms/ops', HINDSIGHT_OIDC_CLIENT_ID: 'hindsight' };

  it('is off without an issuer', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(loadConfig({ HINDSIGHT_OIDC_CLIENT_ID: 'hindsight' }).oidc).toBeUndefined();
  });

  it('defaults the callback to HOST and PORT, the role to VIEWER, and allows every domain', () => {
    expect(loadConfig({ ...base, HOST: '0.0.0.0', PORT: '8080' }).oidc).toEqual({
      issuer: 'https://id.example.com/realms/ops',
      clientId: 'hindsight',
      clientSecret: undefined,
      redirectUrl: 'http://0.0.0.0:8080/api/auth/oidc/callback',
      defaultRole: 'VIEWER',
      allowedDomains: [],
    });
    expect(loadConfig({ ...base, HOST: '::1' }).oidc!.redirectUrl).toBe('http://[::1]:3000/api/auth/oidc/callback');
  });

  it('reads the secret, callback, role and domains', () => {
    const oidc = loadConfig({
      ...base,
      HINDSIGHT_OIDC_CLIENT_SECRET: 's3cret',
      HINDSIGHT_OIDC_REDIRECT_URL: 'https://hindsight.example.com/api/auth/oidc/callback',
      HINDSIGHT_OIDC_DEFAULT_ROLE: 'responder',
      HINDSIGHT_OIDC_ALLOWED_DOMAINS: ' Example.com, @corp.example.org ,,',
    }).oidc!;
    expect(oidc).toMatchObject({
      clientSecret: 's3cret',
      redirectUrl: 'https://hindsight.example.com/api/auth/oidc/callback',
      defaultRole: 'RESPONDER',
      allowedDomains: ['example.com', 'corp.example.org'],
    });
  });

  it.each([
    [{ ...base, HINDSIGHT_OIDC_CLIENT_ID: '' }, /HINDSIGHT_OIDC_CLIENT_ID is required/],
    [{ ...base, HINDSIGHT_OIDC_ISSUER: 'id.example.com' }, /HINDSIGHT_OIDC_ISSUER must be an http\(s\) URL/],
    [{ ...base, HINDSIGHT_OIDC_REDIRECT_URL: 'ftp://x/cb' }, /HINDSIGHT_OIDC_REDIRECT_URL must be an http\(s\) URL/],
    [{ ...base, HINDSIGHT_OIDC_DEFAULT_ROLE: 'OWNER' }, /HINDSIGHT_OIDC_DEFAULT_ROLE must be VIEWER, RESPONDER or ADMIN/],
    [{ ...base, NODE_ENV: 'production', HINDSIGHT_OIDC_ISSUER: 'http://keycloak:8080/realms/ops' }, /must be an https URL in production/],
  ])('refuses a wrong setting: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('accepts plain http for a provider on this machine, even in production', () => {
    expect(loadConfig({ ...base, NODE_ENV: 'production', HINDSIGHT_OIDC_ISSUER: 'http://127.0.0.1:8080' }).oidc!.issuer).toBe(
      'http://127.0.0.1:8080',
    );
  });
});

describe('emailDomainAllowed', () => {
  it.each([
    ['a@example.com', [], true],
    ['a@Example.COM', ['example.com'], true],
    ['a@sub.example.com', ['example.com'], false],
    ['a@example.com.evil.test', ['example.com'], false],
    ['"x@example.com"@evil.test', ['example.com'], false],
  ])('%s with %j: %s', (email, allowed, expected) => {
    expect(emailDomainAllowed(email, allowed)).toBe(expected);
  });
});
