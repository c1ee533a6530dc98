import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { errorMessage } from '../../../app/graphql/graphqlErrors';
import { FormField } from '../../../app/ui/FormField';
import type { Role } from '../../../gql/graphql';
import { CreateUserMutation, UsersQuery } from '../graphql/settingsDocuments';
import { useSettingsMutation } from './useSettingsMutation';

export function UserSettings({ teams }: { teams: readonly { id: string; name: string }[] }) {
  const [users] = useQuery({ query: UsersQuery });
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
          </tr>
        </thead>
        <tbody>
          {(users.data?.users ?? []).map((u) => (
            <tr key={u.id}>
              <td>{u.email}</td>
              <td>{u.role.toLowerCase()}</td>
              <td>{u.teams.map((t) => t.name).join(', ') || '—'}</td>
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
          <div className="checkbox-grid">
            {teams.map((t) => (
              <label key={t.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={teamIds.includes(t.id)}
                  onChange={(e) => setTeamIds(e.target.checked ? [...teamIds, t.id] : teamIds.filter((x) => x !== t.id))}
                />
                {t.name}
              </label>
            ))}
          </div>
          {create.errors.teamIds && <span className="field-error">{create.errors.teamIds}</span>}
        </fieldset>
        <button type="submit" disabled={create.busy || !email.trim() || !password}>
          Add user
        </button>
      </form>
    </div>
  );
}
