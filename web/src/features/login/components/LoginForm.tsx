import { useId, useState, type FormEvent } from 'react';

export interface LoginFormProps {
  submitting: boolean;
  error: string | null;
  onSubmit: (email: string, password: string) => void;
}

export function LoginForm({ submitting, error, onSubmit }: LoginFormProps) {
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
        autoComplete="current-password"
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
        {submitting ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
