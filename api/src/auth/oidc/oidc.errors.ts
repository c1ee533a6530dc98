/**
 * Why a single sign-on failed, as the short code the web app receives in `/login?error=<code>`.
 * The codes are part of the web app's contract (docs/sso.md); messages go to the server log only.
 */
export type OidcErrorCode =
  /** The callback's state is missing, forged, already used, expired, or not this browser's. */
  | 'sso_state'
  /** The user cancelled, or the provider refused to sign them in (`error=access_denied`). */
  | 'sso_denied'
  /** The provider answered the sign-in with another error. */
  | 'sso_provider'
  /** The code exchange or the ID token did not validate (wrong nonce, issuer, audience, signature...). */
  | 'sso_failed'
  /** The provider gave no email, or did not say it is verified. */
  | 'sso_email'
  /** The email's domain is not in HINDSIGHT_OIDC_ALLOWED_DOMAINS. */
  | 'sso_domain'
  /** The matching Hindsight account is disabled. */
  | 'sso_disabled'
  /** The provider could not be reached. */
  | 'sso_unavailable';

export class OidcError extends Error {
  constructor(
    readonly code: OidcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OidcError';
  }
}
