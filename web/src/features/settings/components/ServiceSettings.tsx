import { useState, type FormEvent } from 'react';
import { FormField } from '../../../app/ui/FormField';
import { formatAvailability } from '../../../charts/formatters';
import { CreateServiceMutation, UpdateServiceMutation } from '../graphql/settingsDocuments';
import { useSettingsMutation } from './useSettingsMutation';

interface Svc {
  id: string;
  name: string;
  slo: number;
  team: { id: string; name: string };
  redundancy: readonly { id: string }[];
}

interface Props {
  services: readonly Svc[];
  teams: readonly { id: string; name: string }[];
  mechanisms: readonly { id: string; name: string; retired: boolean }[];
}

function RedundancyEditor({ service, mechanisms }: { service: Svc; mechanisms: Props['mechanisms'] }) {
  const update = useSettingsMutation(UpdateServiceMutation, ['Service']);
  const [slo, setSlo] = useState(String(service.slo));
  const [ids, setIds] = useState(service.redundancy.map((r) => r.id));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await update.submit({ id: service.id, input: { slo: Number(slo), redundancyIds: ids } });
  };
  return (
    <form className="service-editor" onSubmit={submit}>
      {update.errors._form && <div className="banner error">{update.errors._form}</div>}
      <FormField label="SLO (%)" error={update.errors.slo}>
        <input type="number" step="any" min={0} max={100} value={slo} onChange={(e) => setSlo(e.target.value)} />
      </FormField>
      <fieldset>
        <legend>Declared redundancy</legend>
        <div className="checkbox-grid">
          {mechanisms
            .filter((m) => !m.retired)
            .map((m) => (
              <label key={m.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={ids.includes(m.id)}
                  onChange={(e) => setIds(e.target.checked ? [...ids, m.id] : ids.filter((x) => x !== m.id))}
                />
                {m.name}
              </label>
            ))}
        </div>
        {update.errors.redundancyIds && <span className="field-error">{update.errors.redundancyIds}</span>}
      </fieldset>
      <button type="submit" disabled={update.busy}>
        Save {service.name}
      </button>
    </form>
  );
}

export function ServiceSettings({ services, teams, mechanisms }: Props) {
  const create = useSettingsMutation(CreateServiceMutation, ['Service', 'Team']);
  const [name, setName] = useState('');
  const [teamId, setTeamId] = useState('');
  const [slo, setSlo] = useState('99.9');
  const [editing, setEditing] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await create.submit({ input: { name: name.trim(), teamId, slo: Number(slo) } })) setName('');
  };
  return (
    <div>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Team</th>
            <th scope="col">SLO</th>
            <th scope="col">Declared redundancy</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.id}>
              <td>{s.name}</td>
              <td>{s.team.name}</td>
              <td>{formatAvailability(s.slo)}</td>
              <td className="small">
                {editing === s.id ? (
                  <RedundancyEditor service={s} mechanisms={mechanisms} />
                ) : (
                  s.redundancy.map((r) => mechanisms.find((m) => m.id === r.id)?.name ?? r.id).join(', ') || (
                    <span className="muted">none</span>
                  )
                )}
              </td>
              <td>
                <button type="button" className="link-button" onClick={() => setEditing(editing === s.id ? null : s.id)}>
                  {editing === s.id ? 'Close' : 'Edit'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={submit}>
        {create.errors._form && <div className="banner error">{create.errors._form}</div>}
        <FormField label="New service" error={create.errors.name}>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} required />
        </FormField>
        <FormField label="Team" error={create.errors.teamId}>
          <select value={teamId} onChange={(e) => setTeamId(e.target.value)} required>
            <option value="">Choose…</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="SLO (%)" error={create.errors.slo}>
          <input type="number" step="any" min={0} max={100} value={slo} onChange={(e) => setSlo(e.target.value)} />
        </FormField>
        <button type="submit" disabled={create.busy || !name.trim() || !teamId}>
          Add service
        </button>
      </form>
    </div>
  );
}
