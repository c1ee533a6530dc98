import type { SessionUser } from '../../../app/auth/sessionStore';
import { mayEditIncident } from './mayEditIncident';

const user = (role: SessionUser['role'], teamIds: string[]): SessionUser => ({
  id: '1',
  email: 'a@example.com',
  role,
  teams: teamIds.map((id) => ({ id, name: `Team ${id}` })),
});

describe('mayEditIncident', () => {
  it('lets admins and responders of the owning team edit', () => {
    expect(mayEditIncident(user('ADMIN', []), 't1')).toBe(true);
    expect(mayEditIncident(user('RESPONDER', ['t2', 't1']), 't1')).toBe(true);
  });
  it('leaves viewers, responders of other teams and nobody signed in with the write-up', () => {
    expect(mayEditIncident(user('VIEWER', ['t1']), 't1')).toBe(false);
    expect(mayEditIncident(user('RESPONDER', ['t2']), 't1')).toBe(false);
    expect(mayEditIncident(undefined, 't1')).toBe(false);
  });
});
