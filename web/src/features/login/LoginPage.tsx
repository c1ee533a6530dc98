import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { SSO_ERRORS } from '../../app/auth/consumeSsoToken';
import { writeSession } from '../../app/auth/sessionStore';
import { useSession } from '../../app/auth/useSession';
import { errorCodes, errorMessage } from '../../app/graphql/graphqlErrors';
import { LoginForm } from './components/LoginForm';
import { AuthProvidersQuery, CompleteSetupMutation, LoginMutation, SetupRequiredQuery } from './graphql/LoginMutation';

/** Only same-app paths: `next` comes from the URL and must not send the user elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [state, login] = useMutation(LoginMutation);
  const [{ data: providers }] = useQuery({ query: AuthProvidersQuery });
  const [{ data: setupState }, recheckSetup] = useQuery({ query: SetupRequiredQuery });
  const [setupRun, completeSetup] = useMutation(CompleteSetupMutation);
  const setup = setupState?.setupRequired === true;
  const ssoError = params.get('error');
  const [error, setError] = useState<string | null>(ssoError ? (SSO_ERRORS[ssoError] ?? 'Single sign-on failed.') : null);
  const next = safeNext(params.get('next'));

  if (session) return <Navigate to={next} replace />;

  const onSubmit = async (email: string, password: string) => {
    setError(null);
    const res = await login({ email, password });
    if (res.data?.login) {
      const { token, expiresAt, user } = res.data.login;
      writeSession({ token, expiresAt, user: { ...user, email: user.email ?? email } });
      navigate(next, { replace: true });
      return;
    }
    const codes = errorCodes(res.error);
    if (codes.includes('TOO_MANY_REQUESTS') || (res.error?.response as Response | undefined)?.status === 429) {
      setError('Too many failed attempts from this address. Try again in 15 minutes.');
    } else if (codes.includes('UNAUTHENTICATED') || codes.includes('BAD_USER_INPUT')) {
      setError('Email or password is not correct.');
    } else {
      setError(errorMessage(res.error) || 'Sign-in failed.');
    }
  };

  const onSetup = async (email: string, password: string) => {
    setError(null);
    const res = await completeSetup({ input: { email, password } });
    if (res.data?.completeSetup) {
      const { token, expiresAt, user } = res.data.completeSetup;
      writeSession({ token, expiresAt, user: { ...user, email: user.email ?? email } });
      navigate('/', { replace: true });
      return;
    }
    setError(errorMessage(res.error) || 'Setup failed.');
    recheckSetup({ requestPolicy: 'network-only' });
  };

  if (setup) {
    return (
      <div className="login-page">
        <main className="login-card">
          <h1>Welcome to Hindsight</h1>
          <p className="muted">No account exists yet. Create the administrator account (this works only from the server's own machine).</p>
          <LoginForm mode="setup" submitting={setupRun.fetching} error={error} onSubmit={onSetup} />
        </main>
      </div>
    );
  }

  return (
    <div className="login-page">
      <main className="login-card">
        <h1>Hindsight</h1>
        <p className="muted">Post-mortem analytics: MTTR, root causes and redundancy gaps.</p>
        <LoginForm submitting={state.fetching} error={error} onSubmit={onSubmit} />
        {providers?.authProviders.oidc && providers.authProviders.loginUrl && (
          <p>
            <a className="button" href={providers.authProviders.loginUrl}>
              Sign in with SSO
            </a>
          </p>
        )}
      </main>
    </div>
  );
}
