import { useState, type FormEvent } from 'react';
import { FormField } from '../../../app/ui/FormField';
import { CreateTeamMutation } from '../graphql/settingsDocuments';
import { useSettingsMutation } from './useSettingsMutation';

export function TeamSettings({ teams }: { teams: readonly { id: string; name: string; services: readonly { id: string }[] }[] }) {
  const create = useSettingsMutation(CreateTeamMutation, ['Team']);
  const [name, setName] = useState('');
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
          </tr>
        </thead>
        <tbody>
          {teams.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>{t.services.length}</td>
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
