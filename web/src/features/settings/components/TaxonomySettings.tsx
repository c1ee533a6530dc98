import { useState, type FormEvent } from 'react';
import { FormField } from '../../../app/ui/FormField';
import { groupCauses, type CauseNode } from '../../filters/transforms/groupCauses';
import { CreateRootCauseMutation, DeleteRootCauseMutation } from '../graphql/settingsDocuments';
import { useSettingsMutation } from './useSettingsMutation';

export function TaxonomySettings({ causes }: { causes: readonly (CauseNode & { description?: string | null })[] }) {
  const create = useSettingsMutation(CreateRootCauseMutation, ['RootCause']);
  const retire = useSettingsMutation(DeleteRootCauseMutation, ['RootCause']);
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [description, setDescription] = useState('');
  const groups = groupCauses(causes, true);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await create.submit({ input: { name: name.trim(), parentId: parentId || null, description: description.trim() || null } })) {
      setName('');
      setDescription('');
    }
  };
  return (
    <div>
      <p className="muted">
        A two-level tree: categories and their causes. Removing a node deletes it when no incident uses it; otherwise it is retired: it
        stays on past incidents but cannot be picked.
      </p>
      {retire.errors._form && <div className="banner error">{retire.errors._form}</div>}
      <ul className="tree">
        {groups.map((g) => (
          <li key={g.category.id}>
            <strong className={g.category.retired ? 'retired' : undefined}>{g.category.name}</strong>
            {g.category.retired ? (
              <span className="badge">retired</span>
            ) : (
              <button
                type="button"
                className="link-button"
                onClick={() => retire.submit({ id: g.category.id })}
                disabled={retire.busy}
                aria-label={`Remove ${g.category.name}`}
                title="Deletes it if unused; retires it if incidents use it"
              >
                Remove
              </button>
            )}
            <ul>
              {g.causes.map((c) => (
                <li key={c.id}>
                  <span className={c.retired ? 'retired' : undefined}>{c.name}</span>
                  {c.retired ? (
                    <span className="badge">retired</span>
                  ) : (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => retire.submit({ id: c.id })}
                      disabled={retire.busy}
                      aria-label={`Remove ${c.name}`}
                      title="Deletes it if unused; retires it if incidents use it"
                    >
                      Remove
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={submit}>
        {create.errors._form && <div className="banner error">{create.errors._form}</div>}
        <FormField label="Name" error={create.errors.name}>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} required />
        </FormField>
        <FormField label="Under category" error={create.errors.parentId}>
          <select value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">— none: a new category —</option>
            {groups
              .filter((g) => !g.category.retired)
              .map((g) => (
                <option key={g.category.id} value={g.category.id}>
                  {g.category.name}
                </option>
              ))}
          </select>
        </FormField>
        <FormField label="Description" error={create.errors.description} className="grow">
          <input type="text" value={description} onChange={(e) => setDescription(e.target.value)} />
        </FormField>
        <button type="submit" disabled={create.busy || !name.trim()}>
          Add {parentId ? 'cause' : 'category'}
        </button>
      </form>
    </div>
  );
}
