import type { ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { clearSession } from './auth/sessionStore';
import { hasRole } from './auth/RequireRole';
import { useSession } from './auth/useSession';

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export function AppLayout({ children }: { children: ReactNode }) {
  const session = useSession();
  const navigate = useNavigate();
  const [, logout] = useMutation(LogoutMutation);
  const user = session?.user;

  const onLogout = async () => {
    // Even if the server call fails, the token is gone from this browser.
    await logout({}).catch(() => undefined);
    clearSession();
    navigate('/login', { replace: true });
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          Hindsight
        </Link>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Overview
          </NavLink>
          <NavLink to="/incidents">Incidents</NavLink>
          <NavLink to="/services">Services</NavLink>
          <NavLink to="/action-items">Action items</NavLink>
          <NavLink to="/reports">Reports</NavLink>
          {hasRole(user, 'RESPONDER') && <NavLink to="/import">Import</NavLink>}
          {hasRole(user, 'ADMIN') && <NavLink to="/settings">Settings</NavLink>}
        </nav>
        <div className="user-menu">
          <span className="user-email" title={user?.teams.map((t) => t.name).join(', ')}>
            {user?.email} <span className="badge">{user?.role.toLowerCase()}</span>
          </span>
          <button type="button" className="link-button" onClick={onLogout}>
            Log out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
