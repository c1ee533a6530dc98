import { useId, useState, type FormEvent } from 'react';

export interface LoginFormProps {
  submitting: boolean;
  error: string | null;
  onSubmit: (email: string, password: string) => void;
  /** `setup`: first-run setup of the first admin account (new password, at least 12 characters). */
  mode?: 'signin' | 'setup';
}

export function LoginForm({ submitting, error, onSubmit, mode = 'signin' }: LoginFormProps) {
  const setup = mode === 'setup';
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const handle = (e: FormEvent) => {
    e.preventDefault();
    if (!submitting) onSubmit(email.trim(), password);
  };
  return (
    <form className="login-form" onSubmit={handle} aria-describedby={error ? `${id}-error` : undefined}>
      <label htmlFor={`${id}-email`}>Email</label>
      <input
        id={`${id}-email`}
        type="email"
        name="email"
        autoComplete="username"
        required
        autoFocus
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <label htmlFor={`${id}-password`}>Password</label>
      <input
        id={`${id}-password`}
        type="password"
        name="password"
        autoComplete={setup ? 'new-password' : 'current-password'}
        minLength={setup ? 12 : undefined}
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={submitting}>
        {setup ? (submitting ? 'Creating…' : 'Create admin account') : submitting ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
