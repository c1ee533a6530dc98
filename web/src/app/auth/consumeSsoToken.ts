import { writeSession, type SessionUser } from './sessionStore';

/**
 * After single sign-on the server redirects to `/#sso_token=<token>`. Take the token out of the
 * address at once (so it is not kept in history), ask who it belongs to, and store the session as
 * password sign-in does. Runs before the app renders.
 */
export async function consumeSsoToken(): Promise<void> {
  const match = /(?:^#|&)sso_token=([^&]+)/.exec(window.location.hash);
  if (!match) return;
  const token = decodeURIComponent(match[1]);
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  try {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { user { id email role teams { id name } } } }' }),
    });
    const body = (await res.json()) as { data?: { me?: { user: SessionUser } } };
    if (body.data?.me) writeSession({ token, expiresAt: '', user: body.data.me.user });
  } catch {
    // the login page shows again; nothing stored
  }
}

/** Messages for `/login?error=<code>` after a failed single sign-on (docs/sso.md). */
export const SSO_ERRORS: Record<string, string> = {
  sso_state: 'The sign-in expired or was started in another browser. Please try again.',
  sso_denied: 'The sign-in was cancelled or refused by your identity provider.',
  sso_provider: 'Your identity provider reported an error.',
  sso_failed: 'Single sign-on could not be verified. Please try again.',
  sso_email: 'Your identity provider did not give a verified email address.',
  sso_domain: 'Your email domain is not allowed to sign in here.',
  sso_disabled: 'Your Hindsight account is disabled.',
  sso_unavailable: 'Your identity provider could not be reached.',
};
