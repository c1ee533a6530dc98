import { describe, expect, it } from 'vitest';
import { rebaseUserForm, toUserUpdate, type UserForm, type UserSnapshot } from './toUserUpdate';

const user: UserSnapshot = {
  email: 'ana@example.com',
  name: 'Ana',
  role: 'VIEWER',
  disabled: false,
  version: 4,
  teams: [{ id: '2' }, { id: '1' }],
};
const unchanged: UserForm = {
  email: 'ana@example.com',
  name: 'Ana',
  role: 'VIEWER',
  teamIds: ['1', '2'],
  disabled: false,
  password: '',
  revokeApiTokens: false,
};

describe('toUserUpdate', () => {
  it('sends only the version when nothing changed (team order does not count as a change)', () => {
    expect(toUserUpdate(user, unchanged)).toEqual({ expectedVersion: 4 });
  });

  it('sends exactly the changed fields, trimmed', () => {
    expect(toUserUpdate(user, { ...unchanged, email: ' ana@corp.example ', role: 'RESPONDER', teamIds: ['3'], disabled: true })).toEqual({
      expectedVersion: 4,
      email: 'ana@corp.example',
      role: 'RESPONDER',
      teamIds: ['3'],
      disabled: true,
    });
  });

  it('clears a name emptied by the admin, and sends a new password only when typed', () => {
    expect(toUserUpdate(user, { ...unchanged, name: '  ', password: 'A-new-password-1' })).toEqual({
      expectedVersion: 4,
      name: null,
      password: 'A-new-password-1',
    });
    expect(toUserUpdate({ ...user, name: null }, { ...unchanged, name: '' })).toEqual({ expectedVersion: 4 });
  });

  it('asks to revoke the API tokens only together with a new password', () => {
    expect(toUserUpdate(user, { ...unchanged, password: 'A-new-password-1', revokeApiTokens: true })).toEqual({
      expectedVersion: 4,
      password: 'A-new-password-1',
      revokeApiTokens: true,
    });
    expect(toUserUpdate(user, { ...unchanged, revokeApiTokens: true })).toEqual({ expectedVersion: 4 });
  });
});

describe('rebaseUserForm', () => {
  it('keeps the admin’s own edits and takes everything else from the latest version', () => {
    const latest: UserSnapshot = { ...user, name: 'Ana B.', teams: [{ id: '5' }], version: 5 };
    const form: UserForm = { ...unchanged, role: 'ADMIN', password: 'A-new-password-1' };
    const rebased = rebaseUserForm(user, latest, form);
    expect(rebased).toEqual({ ...unchanged, name: 'Ana B.', teamIds: ['5'], role: 'ADMIN', password: 'A-new-password-1' });
    expect(toUserUpdate(latest, rebased)).toEqual({ expectedVersion: 5, role: 'ADMIN', password: 'A-new-password-1' });
  });

  it('an edit that clears the name survives the rebase', () => {
    const rebased = rebaseUserForm(user, { ...user, role: 'RESPONDER', version: 5 }, { ...unchanged, name: '' });
    expect(rebased).toMatchObject({ name: '', role: 'RESPONDER' });
  });
});
