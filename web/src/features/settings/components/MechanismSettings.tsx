import { useState, type FormEvent } from 'react';
import { FormField } from '../../../app/ui/FormField';
import { CreateMechanismMutation, RetireMechanismMutation } from '../graphql/settingsDocuments';
import { useSettingsMutation } from './useSettingsMutation';

export function MechanismSettings({
  mechanisms,
}: {
  mechanisms: readonly { id: string; name: string; description?: string | null; retired: boolean }[];
}) {
  const create = useSettingsMutation(CreateMechanismMutation, ['RedundancyMechanism']);
  const retire = useSettingsMutation(RetireMechanismMutation, ['RedundancyMechanism']);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await create.submit({ input: { name: name.trim(), description: description.trim() || null } })) {
      setName('');
      setDescription('');
    }
  };
  return (
    <div>
      {retire.errors._form && <div className="banner error">{retire.errors._form}</div>}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Mechanism</th>
            <th scope="col">Description</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {mechanisms.map((m) => (
            <tr key={m.id}>
              <td>
                {m.name} {m.retired && <span className="badge">retired</span>}
              </td>
              <td>{m.description ?? '—'}</td>
              <td>
                {!m.retired && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => retire.submit({ id: m.id })}
                    disabled={retire.busy}
                    aria-label={`Retire ${m.name}`}
                  >
                    Retire
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={submit}>
        {create.errors._form && <div className="banner error">{create.errors._form}</div>}
        <FormField label="Name" error={create.errors.name}>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} required />
        </FormField>
        <FormField label="Description" error={create.errors.description} className="grow">
          <input type="text" value={description} onChange={(e) => setDescription(e.target.value)} />
        </FormField>
        <button type="submit" disabled={create.busy || !name.trim()}>
          Add mechanism
        </button>
      </form>
    </div>
  );
}
