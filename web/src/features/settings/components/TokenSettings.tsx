import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../../../app/auth/useSession';
import { FormField } from '../../../app/ui/FormField';
import { Timestamp } from '../../../app/ui/Timestamp';
import type { ApiTokenScope } from '../../../gql/graphql';
import { ApiTokensQuery, CreateApiTokenMutation, RevokeApiTokenMutation } from '../graphql/settingsDocuments';
import { scopesForRole, toTokenExpiry, tokenExpiryChoices, type TokenExpiryChoice } from '../transforms/tokenExpiry';
import { useSettingsMutation } from './useSettingsMutation';

const scopes: { value: ApiTokenScope; hint: string }[] = [
  { value: 'READ', hint: 'queries, metrics, reports' },
  { value: 'WRITE', hint: 'create and edit incidents' },
  { value: 'IMPORT', hint: 'import files' },
  { value: 'ADMIN', hint: 'administration' },
];

export function TokenSettings() {
  const create = useSettingsMutation(CreateApiTokenMutation, ['ApiToken']);
  const revoke = useSettingsMutation(RevokeApiTokenMutation, ['ApiToken']);
  const [tokens] = useQuery({ query: ApiTokensQuery });
  const role = useSession()?.user.role ?? 'VIEWER';
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState<TokenExpiryChoice>('90');
  const [selected, setSelected] = useState<ApiTokenScope[]>(['READ']);
  const [created, setCreated] = useState<{ name: string; token: string; scopes: string[] }[]>([]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const data = await create.submit({ input: { name: name.trim(), scopes: selected, expiresAt: toTokenExpiry(expiry, new Date()) } });
    if (data) {
      setCreated([
        { name: data.createApiToken.apiToken.name, token: data.createApiToken.token, scopes: data.createApiToken.apiToken.scopes },
        ...created,
      ]);
      setName('');
    }
  };
  return (
    <div>
      <p className="muted">
        A token acts as you, narrowed to its scopes (only scopes your role has). Its secret is shown once; only a hash is stored.
      </p>
      {created.map((t) => (
        <div key={t.token} className="banner success token-secret">
          <strong>{t.name}</strong> ({t.scopes.join(', ')}) — copy it now, it will not be shown again:
          <code>{t.token}</code>
          <button type="button" onClick={() => navigator.clipboard?.writeText(t.token)}>
            Copy
          </button>
        </div>
      ))}
      {revoke.errors._form && <div className="banner error">{revoke.errors._form}</div>}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Token</th>
            <th scope="col">Scopes</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(tokens.data?.apiTokens ?? []).map((t) => (
            <tr key={t.id}>
              <td>
                {t.name} {t.revokedAt && <span className="badge">revoked</span>}
              </td>
              <td>{t.scopes.join(', ')}</td>
              <td>
                <Timestamp value={t.createdAt} />
              </td>
              <td>
                <Timestamp value={t.lastUsedAt} />
              </td>
              <td>{t.expiresAt ? <Timestamp value={t.expiresAt} /> : <span className="muted">never</span>}</td>
              <td>
                {!t.revokedAt && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => revoke.submit({ id: t.id })}
                    disabled={revoke.busy}
                    aria-label={`Revoke ${t.name}`}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={submit}>
        {create.errors._form && <div className="banner error">{create.errors._form}</div>}
        <FormField label="Token name" error={create.errors.name}>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} required placeholder="e.g. nightly-import" />
        </FormField>
        <fieldset>
          <legend>Scopes</legend>
          {scopes
            .filter((s) => scopesForRole[role].includes(s.value))
            .map((s) => (
              <label key={s.value} className="checkbox">
                <input
                  type="checkbox"
                  checked={selected.includes(s.value)}
                  onChange={(e) => setSelected(e.target.checked ? [...selected, s.value] : selected.filter((x) => x !== s.value))}
                />
                {s.value} <span className="muted small">({s.hint})</span>
              </label>
            ))}
          {create.errors.scopes && <span className="field-error">{create.errors.scopes}</span>}
        </fieldset>
        <FormField label="Expires" error={create.errors.expiresAt}>
          <select value={expiry} onChange={(e) => setExpiry(e.target.value as TokenExpiryChoice)}>
            {tokenExpiryChoices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </FormField>
        <button type="submit" disabled={create.busy || !name.trim() || selected.length === 0}>
          Create token
        </button>
      </form>
    </div>
  );
}
