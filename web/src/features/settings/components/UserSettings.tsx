import { useState, type FormEvent } from 'react';
import { useClient, useQuery } from 'urql';
import { errorMessage } from '../../../app/graphql/graphqlErrors';
import { FormField } from '../../../app/ui/FormField';
import type { Role } from '../../../gql/graphql';
import { CreateUserMutation, UpdateUserMutation, UsersQuery } from '../graphql/settingsDocuments';
import { rebaseUserForm, toUserForm, toUserUpdate, type UserForm, type UserSnapshot } from '../transforms/toUserUpdate';
import { useSettingsMutation } from './useSettingsMutation';

type Team = { id: string; name: string };

interface EditableUser extends UserSnapshot {
  id: string;
  teams: readonly Team[];
}

function TeamChecklist({ teams, value, onChange }: { teams: readonly Team[]; value: string[]; onChange: (ids: string[]) => void }) {
  return (
    <div className="checkbox-grid">
      {teams.map((t) => (
        <label key={t.id} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(t.id)}
            onChange={(e) => onChange(e.target.checked ? [...value, t.id] : value.filter((x) => x !== t.id))}
          />
          {t.name}
        </label>
      ))}
    </div>
  );
}

/**
 * Edits one user against the version it was opened with: only changed fields are sent. When another admin
 * saved first, the server refuses the edit; the editor keeps what was typed and offers to re-apply it on top
 * of the latest version (their other changes kept) or to discard it.
 */
function UserEditor({ user, teams, onDone }: { user: EditableUser; teams: readonly Team[]; onDone: () => void }) {
  const client = useClient();
  const update = useSettingsMutation(UpdateUserMutation, ['User']);
  const [opened, setOpened] = useState<EditableUser>(user);
  const [form, setForm] = useState<UserForm>(() => toUserForm(user));
  const [rebased, setRebased] = useState(false);
  const set = <K extends keyof UserForm>(key: K, value: UserForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const latest = async (): Promise<EditableUser | null> => {
    const res = await client.query(UsersQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    return res.data?.users.find((u) => u.id === user.id) ?? null;
  };
  const reapply = async () => {
    const now = await latest();
    if (!now) return;
    setForm(rebaseUserForm(opened, now, form));
    setOpened(now);
    setRebased(true);
  };
  const discard = async () => {
    const now = await latest();
    if (!now) return;
    setForm(toUserForm(now));
    setOpened(now);
    setRebased(false);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await update.submit({ id: user.id, input: toUserUpdate(opened, form) })) onDone();
  };
  return (
    <form className="service-editor" onSubmit={submit} aria-label={`Edit ${user.email}`}>
      {update.stale && !rebased ? (
        <div className="banner error" role="alert">
          Another admin changed this user after you opened it, so nothing was saved. Your edits are still in the form.{' '}
          <button type="button" className="link-button" onClick={reapply}>
            Re-apply my changes to the latest version
          </button>{' '}
          or{' '}
          <button type="button" className="link-button" onClick={discard}>
            discard them and reload
          </button>
          .
        </div>
      ) : (
        update.errors._form && <div className="banner error">{update.errors._form}</div>
      )}
      {rebased && (
        <div className="banner" role="status">
          The form now shows the latest version with your changes applied. Review and save.
        </div>
      )}
      <FormField label="Email" error={update.errors.email}>
        <input type="email" value={form.email} onChange={(e) => set('email', e.target.value)} required autoComplete="off" />
      </FormField>
      <FormField label="Name" error={update.errors.name}>
        <input type="text" value={form.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />
      </FormField>
      <FormField label="Role" error={update.errors.role}>
        <select value={form.role} onChange={(e) => set('role', e.target.value as Role)}>
          <option value="VIEWER">Viewer</option>
          <option value="RESPONDER">Responder</option>
          <option value="ADMIN">Admin</option>
        </select>
      </FormField>
      <fieldset>
        <legend>Teams</legend>
        <TeamChecklist teams={teams} value={[...form.teamIds]} onChange={(ids) => set('teamIds', ids)} />
        {update.errors.teamIds && <span className="field-error">{update.errors.teamIds}</span>}
      </fieldset>
      <FormField label="New password (optional; ends their sessions)" error={update.errors.password}>
        <input type="password" value={form.password} onChange={(e) => set('password', e.target.value)} autoComplete="new-password" />
      </FormField>
      {form.password && (
        <label className="checkbox">
          <input type="checkbox" checked={form.revokeApiTokens} onChange={(e) => set('revokeApiTokens', e.target.checked)} />
          Also revoke their API tokens (if the old password may have leaked)
        </label>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={form.disabled} onChange={(e) => set('disabled', e.target.checked)} />
        Disabled — cannot sign in; sessions end and API tokens are revoked
      </label>
      {update.errors.disabled && <span className="field-error">{update.errors.disabled}</span>}
      <div>
        <button type="submit" disabled={update.busy || !form.email.trim()}>
          Save {user.email}
        </button>{' '}
        <button type="button" className="link-button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function UserSettings({ teams }: { teams: readonly Team[] }) {
  const [users] = useQuery({ query: UsersQuery });
  const [editing, setEditing] = useState<string | null>(null);
  const create = useSettingsMutation(CreateUserMutation, ['User']);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('RESPONDER');
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await create.submit({ input: { email: email.trim(), password, role, teamIds } })) {
      setEmail('');
      setPassword('');
      setTeamIds([]);
    }
  };
  return (
    <div>
      {users.error && <div className="banner error">{errorMessage(users.error)}</div>}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Teams</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(users.data?.users ?? []).map((u) => (
            <tr key={u.id} className={u.disabled ? 'muted' : undefined}>
              <td>
                {u.email}
                {u.name && <div className="small muted">{u.name}</div>}
                {u.disabled && <span className="badge">disabled</span>}
              </td>
              <td>{u.role.toLowerCase()}</td>
              <td className="small">
                {editing === u.id ? (
                  <UserEditor user={u} teams={teams} onDone={() => setEditing(null)} />
                ) : (
                  u.teams.map((t) => t.name).join(', ') || '—'
                )}
              </td>
              <td>
                <button type="button" className="link-button" onClick={() => setEditing(editing === u.id ? null : u.id)}>
                  {editing === u.id ? 'Close' : 'Edit'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={submit}>
        {create.errors._form && <div className="banner error">{create.errors._form}</div>}
        <FormField label="Email" error={create.errors.email}>
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required autoComplete="off" />
        </FormField>
        <FormField label="Initial password" error={create.errors.password}>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="new-password" />
        </FormField>
        <FormField label="Role" error={create.errors.role}>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="VIEWER">Viewer</option>
            <option value="RESPONDER">Responder</option>
            <option value="ADMIN">Admin</option>
          </select>
        </FormField>
        <fieldset>
          <legend>Teams</legend>
          <TeamChecklist teams={teams} value={teamIds} onChange={setTeamIds} />
          {create.errors.teamIds && <span className="field-error">{create.errors.teamIds}</span>}
        </fieldset>
        <button type="submit" disabled={create.busy || !email.trim() || !password}>
          Add user
        </button>
      </form>
    </div>
  );
}
