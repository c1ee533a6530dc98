import type { ReactNode } from 'react';
import { useSession } from './useSession';
import type { SessionUser } from './sessionStore';

const rank: Record<SessionUser['role'], number> = { VIEWER: 0, RESPONDER: 1, ADMIN: 2 };

export function hasRole(user: SessionUser | undefined, role: SessionUser['role']): boolean {
  return !!user && rank[user.role] >= rank[role];
}

export function RequireRole({ role, children }: { role: SessionUser['role']; children: ReactNode }) {
  const session = useSession();
  if (!hasRole(session?.user, role)) {
    return (
      <div className="page">
        <h1>Not allowed</h1>
        <p>This page needs the {role.toLowerCase()} role. Ask an administrator if you need access.</p>
      </div>
    );
  }
  return <>{children}</>;
}
