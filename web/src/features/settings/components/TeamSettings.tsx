import { useState, type FormEvent } from 'react';
import { FormField } from '../../../app/ui/FormField';
import { CreateTeamMutation, UpdateTeamMutation } from '../graphql/settingsDocuments';
import { useSettingsMutation } from './useSettingsMutation';

interface TeamRow {
  id: string;
  name: string;
  version: number;
  services: readonly { id: string }[];
}

/** Renames a team against the version it was opened with (a stale one is refused by the server). */
function TeamRename({ team, onDone }: { team: TeamRow; onDone: () => void }) {
  const update = useSettingsMutation(UpdateTeamMutation, ['Team']);
  const [name, setName] = useState(team.name);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await update.submit({ id: team.id, input: { expectedVersion: team.version, name: name.trim() } })) onDone();
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={`Rename ${team.name}`}>
      {update.stale && (
        <div className="banner error" role="alert">
          Another admin changed this team after you opened it, so nothing was saved. Close, reload the page and try again.
        </div>
      )}
      {!update.stale && update.errors._form && <div className="banner error">{update.errors._form}</div>}
      <FormField label="Name" error={update.errors.name}>
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} required />
      </FormField>
      <button type="submit" disabled={update.busy || !name.trim() || name.trim() === team.name}>
        Rename
      </button>
    </form>
  );
}

export function TeamSettings({ teams }: { teams: readonly TeamRow[] }) {
  const create = useSettingsMutation(CreateTeamMutation, ['Team']);
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await create.submit({ input: { name: name.trim() } })) setName('');
  };
  return (
    <div>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Services</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {teams.map((t) => (
            <tr key={t.id}>
              <td>{editing === t.id ? <TeamRename key={t.version} team={t} onDone={() => setEditing(null)} /> : t.name}</td>
              <td>{t.services.length}</td>
              <td>
                <button type="button" className="link-button" onClick={() => setEditing(editing === t.id ? null : t.id)}>
                  {editing === t.id ? 'Close' : 'Rename'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={submit}>
        {create.errors._form && <div className="banner error">{create.errors._form}</div>}
        <FormField label="New team" error={create.errors.name}>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} required />
        </FormField>
        <button type="submit" disabled={create.busy || !name.trim()}>
          Add team
        </button>
      </form>
    </div>
  );
}
